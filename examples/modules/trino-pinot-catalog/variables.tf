variable "api_token" {
  description = "StarTree API token. Null falls back to the provider block's api_token, then STARTREE_API_TOKEN."
  type        = string
  sensitive   = true
  default     = null
}

variable "cluster" {
  description = "StarTree Cloud cluster name, such as \"pug\"."
  type        = string
}

variable "environment" {
  description = "StarTree Cloud environment, such as \"prod\". Null falls back to the provider block, then STARTREE_ENVIRONMENT."
  type        = string
  default     = null
}

variable "domain" {
  description = "StarTree Cloud domain, such as \"awesome-company.startree.cloud\". Null falls back to the provider block, then STARTREE_DOMAIN."
  type        = string
  default     = null
}

variable "catalog_name" {
  description = "Trino catalog name: the file is <catalog_name>.properties and the environment variables are <CATALOG_NAME>_USERNAME and <CATALOG_NAME>_PASSWORD, so that several catalogs in one Trino never share a variable."
  type        = string
  default     = "pinot"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]*$", var.catalog_name))
    error_message = "catalog_name must start with a lowercase letter and hold only lowercase letters, digits and underscores: it names the catalog in Trino and, uppercased, its environment variables."
  }
}

variable "namespace" {
  description = "Kubernetes namespace of the Trino release, for the Secret."
  type        = string
  nullable    = false
}

variable "secret_name" {
  description = "Name of the Kubernetes Secret that holds the credentials. Null gives \"trino-<catalog_name>-credentials\" with underscores as hyphens."
  type        = string
  default     = null
}

variable "tls_enabled" {
  description = "Whether the StarTree cluster uses TLS."
  type        = bool
  default     = true
  nullable    = false
}

variable "extra_properties" {
  description = "More catalog properties, checked by the provider against Trino's Pinot connector."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "secret_properties" {
  description = "The security-sensitive catalog properties (TLS key store and trust store passwords, the HTTP client's proxy password), kept out of plan output. In the catalog each becomes a $${ENV:...} reference, and its value goes into the Secret."
  type        = map(string)
  sensitive   = true
  default     = {}
  nullable    = false
}

variable "trino_version" {
  description = "The Trino release the catalog is for, such as 476: the properties are checked against that release's Pinot connector. Null checks against the newest release the provider knows."
  type        = number
  default     = null
}

variable "grpc_port" {
  description = "Pinot server gRPC port. Null takes the provider's default, StarTree Cloud's 8096."
  type        = number
  default     = null
}

variable "catalog_management" {
  description = "static: the catalog goes into the chart's catalogs ConfigMap, read when Trino starts. dynamic: helm_values turns on catalog.management=dynamic with a writable, persistent file catalog store and puts no catalog in the ConfigMap; a startree_trino_catalog resource creates the catalog from the catalog_properties output."
  type        = string
  default     = "static"
  nullable    = false
  validation {
    condition     = contains(["static", "dynamic"], var.catalog_management)
    error_message = "catalog_management must be static or dynamic."
  }
}

variable "catalog_store_claim" {
  description = "dynamic only: the PersistentVolumeClaim that holds the file catalog store, mounted at /etc/trino/catalog-store on the coordinator, so that the catalogs survive a restart. Null keeps the store in an emptyDir, which a restart empties."
  type        = string
  default     = null
}
