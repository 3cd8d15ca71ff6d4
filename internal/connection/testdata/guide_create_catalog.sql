CREATE CATALOG "sales" USING pinot
WITH (
  "pinot.controller-urls" = 'https://proxy.broker.pug.prod.awesome-company.startree.cloud:443',
  "pinot.grpc.port" = '8096',
  "pinot.proxy.enabled" = 'true',
  "pinot.grpc.proxy-uri" = 'proxy-grpc.broker.pug.prod.awesome-company.startree.cloud:443',
  "pinot.grpc.use-plain-text" = 'false',
  "pinot.controller.authentication.type" = 'PASSWORD',
  "pinot.controller.authentication.user" = '${ENV:SALES_USERNAME}',
  "pinot.controller.authentication.password" = '${ENV:SALES_PASSWORD}',
  "pinot.broker.authentication.type" = 'PASSWORD',
  "pinot.broker.authentication.user" = '${ENV:SALES_USERNAME}',
  "pinot.broker.authentication.password" = '${ENV:SALES_PASSWORD}',
  "pinot.connection-timeout" = '2m',
  "pinot.grpc.tls.keystore-password" = '${ENV:SALES_GRPC_TLS_KEYSTORE_PASSWORD}'
)
