package provider

// logEnvironment lists the variables with which a user asks Terraform for provider logs: Terraform
// passes its environment on to the provider process, and terraform-plugin-log reads the levels of
// the provider's loggers from the last four.
var logEnvironment = []string{
	"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_STARTREE", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO",
}

// quietLevels are terraform-plugin-log's level variables for the SDK, its protocol and framework
// subsystems and this provider's own logger, each set to OFF when nobody asked for logs.
var quietLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_STARTREE"}

// QuietLogs turns the provider's logging off when none of the logging variables is set, and
// reports whether it did. Without a level, terraform-plugin-log writes every trace line as JSON to
// standard error, which Terraform parses and throws away: that cost most of the provider's CPU
// time in a plan of many connections. With any of the variables set, nothing changes and every
// line is written as before, secrets masked.
func QuietLogs(getenv func(string) string, setenv func(string, string) error) bool {
	for _, name := range logEnvironment {
		if getenv(name) != "" {
			return false
		}
	}
	for _, name := range quietLevels {
		if err := setenv(name, "OFF"); err != nil {
			return false
		}
	}
	return true
}

// ProtoDataDirVariable makes terraform-plugin-go write every request and response, tokens,
// passwords and secret_properties included, to files in the folder it names (mode 0644).
const ProtoDataDirVariable = "TF_LOG_SDK_PROTO_DATA_DIR"

// ProtoDataOptIn is the variable that lets ProtoDataDirVariable through: set it to
// "write-secrets-to-disk" to debug the protocol itself.
const ProtoDataOptIn = "STARTREE_ALLOW_PROTO_DATA_DIR"

// ClearProtoDataDir unsets TF_LOG_SDK_PROTO_DATA_DIR unless STARTREE_ALLOW_PROTO_DATA_DIR opts in,
// and reports whether it did: the provider's promise that no secret reaches a log file holds at
// every logging setting, this one too.
func ClearProtoDataDir(getenv func(string) string, unsetenv func(string) error) bool {
	if getenv(ProtoDataDirVariable) == "" || getenv(ProtoDataOptIn) == "write-secrets-to-disk" {
		return false
	}
	return unsetenv(ProtoDataDirVariable) == nil
}
