# Any map(string) as a Java properties file, keys sorted, escaped as java.util.Properties reads it.
terraform {
  required_version = ">= 1.8"
  required_providers {
    startree = {
      source = "startree/startree"
    }
  }
}

output "jvm_properties" {
  value = provider::startree::encode_properties({
    "query.max-memory"      = "50GB"
    "node.data-dir"         = "C:\\trino\\data"
    "discovery.description" = "line one\nline two"
  })
}
# jvm_properties = <<EOT
# discovery.description=line one\nline two
# node.data-dir=C:\\trino\\data
# query.max-memory=50GB
# EOT
