# The connection computed on every run and never written to plan or state (Terraform 1.10+).
ephemeral "startree_trino_connection" "pug" {
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
  # api_token comes from the provider block or STARTREE_API_TOKEN.
}

resource "aws_secretsmanager_secret" "trino_pinot" {
  name = "trino/pinot-credentials"
}

# The credentials reach the secret through a write-only argument (Terraform 1.11+): they are sent
# to AWS but stored neither in the plan nor in the state. Raise the version to rotate them.
resource "aws_secretsmanager_secret_version" "trino_pinot" {
  secret_id                = aws_secretsmanager_secret.trino_pinot.id
  secret_string_wo         = jsonencode(ephemeral.startree_trino_connection.pug.env)
  secret_string_wo_version = 1
}
