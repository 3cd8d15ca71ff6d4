module github.com/startree/terraform-provider-startree

go 1.25.8
