package connection

import (
	"fmt"
	"math/big"
)

// WholeNumber reads a number input (grpc_port, trino_version) as the whole number the rules need.
// Terraform numbers are arbitrary-precision decimals, so 1.5 or 1e30 reach the provider as they
// are; each is one clear error on the input.
func WholeNumber(in Input, f *big.Float) (int64, Problems) {
	if f == nil {
		return 0, Problems{errorf(in, "Invalid "+string(in), fmt.Sprintf("%s has no value.", in))}
	}
	text := f.Text('g', 10)
	if !f.IsInt() {
		return 0, Problems{errorf(in, "Invalid "+string(in),
			fmt.Sprintf("%s must be a whole number, and %s is not.", in, text))}
	}
	i, acc := f.Int64()
	if acc != big.Exact {
		return 0, Problems{errorf(in, "Invalid "+string(in),
			fmt.Sprintf("%s is %s, far outside any value it can take.", in, text))}
	}
	return i, nil
}
