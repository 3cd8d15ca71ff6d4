package provider

import (
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/startree/terraform-provider-startree/internal/trinoclient"
)

// trinoBlock is the provider block's trino block: how the catalog resource reaches Trino.
type trinoBlock struct {
	URL            types.String `tfsdk:"url"`
	User           types.String `tfsdk:"user"`
	Password       types.String `tfsdk:"password"`
	AccessToken    types.String `tfsdk:"access_token"`
	CACertificate  types.String `tfsdk:"ca_certificate"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

// The environment variables each trino attribute falls back to.
const (
	EnvTrinoURL            = "STARTREE_TRINO_URL"
	EnvTrinoUser           = "STARTREE_TRINO_USER"
	EnvTrinoPassword       = "STARTREE_TRINO_PASSWORD"
	EnvTrinoAccessToken    = "STARTREE_TRINO_ACCESS_TOKEN"
	EnvTrinoCACertificate  = "STARTREE_TRINO_CA_CERTIFICATE"
	EnvTrinoRequestTimeout = "STARTREE_TRINO_REQUEST_TIMEOUT"
)

func trinoBlockSchema() schema.SingleNestedBlock {
	return schema.SingleNestedBlock{
		MarkdownDescription: "How the `startree_trino_catalog` resource reaches a Trino coordinator, over Trino's client protocol. Nothing else in the provider reads it: without it, no object connects anywhere. " +
			"Each attribute falls back to an environment variable, and takes ephemeral values (a password from an ephemeral variable or resource is never written to a plan or state).",
		Attributes: map[string]schema.Attribute{
			"url": schema.StringAttribute{
				MarkdownDescription: "The coordinator's address, such as `https://trino.example.com:8443`: scheme, host and port only. Falls back to `" + EnvTrinoURL + "`. " +
					"With a password or an access token it must be `https://`: the provider never sends either over plain HTTP, and Trino refuses them there.",
				Optional: true,
			},
			"user": schema.StringAttribute{
				MarkdownDescription: "The Trino user the statements run as; it needs the right to create and drop catalogs. Falls back to `" + EnvTrinoUser + "`, then `terraform`.",
				Optional:            true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "The user's password, for Trino's password authentication. Falls back to `" + EnvTrinoPassword + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			"access_token": schema.StringAttribute{
				MarkdownDescription: "A bearer token (JWT or OAuth2) instead of a password. Falls back to `" + EnvTrinoAccessToken + "`.",
				Optional:            true,
				Sensitive:           true,
			},
			"ca_certificate": schema.StringAttribute{
				MarkdownDescription: "PEM certificates of the authority that signs the coordinator's certificate, beside the system's. Falls back to `" + EnvTrinoCACertificate + "`.",
				Optional:            true,
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "How long one statement may take, as a Go duration such as `30s` or `2m`. Falls back to `" + EnvTrinoRequestTimeout + "`, then `60s`.",
				Optional:            true,
			},
		},
	}
}

// trinoSettings is the trino block resolved against the environment; configured is false when
// neither names a URL.
type trinoSettings struct {
	config     trinoclient.Config
	configured bool
	// unknown names an attribute known only after apply, when there is one.
	unknown string
	// badTimeout is set when request_timeout is not a duration.
	badTimeout bool
}

// resolveTrino reads the trino block, each attribute falling back to its environment variable.
func resolveTrino(b *trinoBlock) trinoSettings {
	if b == nil {
		b = &trinoBlock{}
	}
	var s trinoSettings
	value := func(name string, v types.String, env string) string {
		if v.IsUnknown() {
			s.unknown = name
			return ""
		}
		if !v.IsNull() {
			return v.ValueString()
		}
		return os.Getenv(env)
	}
	s.config.URL = value("url", b.URL, EnvTrinoURL)
	s.config.User = value("user", b.User, EnvTrinoUser)
	if s.config.User == "" {
		s.config.User = "terraform"
	}
	s.config.Password = value("password", b.Password, EnvTrinoPassword)
	s.config.AccessToken = value("access_token", b.AccessToken, EnvTrinoAccessToken)
	s.config.CACertificate = value("ca_certificate", b.CACertificate, EnvTrinoCACertificate)
	if timeout := value("request_timeout", b.RequestTimeout, EnvTrinoRequestTimeout); timeout != "" {
		d, err := time.ParseDuration(timeout)
		if err != nil || d <= 0 {
			s.badTimeout = true
		}
		s.config.Timeout = d
	}
	s.configured = s.config.URL != "" || s.unknown == "url"
	return s
}
