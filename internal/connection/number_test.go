package connection

import (
	"math/big"
	"testing"
)

func TestWholeNumber(t *testing.T) {
	tests := []struct {
		in     string
		want   int64
		detail string
	}{
		{"8096", 8096, ""},
		{"-1", -1, ""},
		{"1.5", 0, "grpc_port must be a whole number, and 1.5 is not."},
		{"1e30", 0, "grpc_port is 1e+30, far outside any value it can take."},
		{"9223372036854775808", 0, "grpc_port is 9.223372037e+18, far outside any value it can take."},
	}
	for _, tt := range tests {
		f, _, err := big.ParseFloat(tt.in, 10, 512, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		got, ps := WholeNumber(InputGRPCPort, f)
		switch {
		case tt.detail == "" && (len(ps) != 0 || got != tt.want):
			t.Errorf("WholeNumber(%s) = %d, %v", tt.in, got, ps)
		case tt.detail != "" && (len(ps) != 1 || ps[0].Detail != tt.detail || ps[0].Input != InputGRPCPort || ps[0].Summary != "Invalid grpc_port"):
			t.Errorf("WholeNumber(%s): %v, want %q", tt.in, ps, tt.detail)
		}
	}
}
