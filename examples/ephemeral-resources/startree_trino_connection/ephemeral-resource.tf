# The connection computed on every run and never written to the plan file or the state
# (Terraform 1.10+). The token comes from an ephemeral variable: a variable that is only sensitive
# is still written into the plan file by `terraform plan -out`.
terraform {
  required_version = ">= 1.11"
  required_providers {
    startree = {
      source = "startree/startree"
    }
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "startree_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

ephemeral "startree_trino_connection" "pug" {
  api_token   = var.startree_api_token
  cluster     = "pug"
  environment = "prod"
  domain      = "awesome-company.startree.cloud"
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
