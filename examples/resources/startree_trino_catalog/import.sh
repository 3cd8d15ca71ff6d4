# A catalog that already exists on the coordinator, by its name.
terraform import startree_trino_catalog.sales sales
