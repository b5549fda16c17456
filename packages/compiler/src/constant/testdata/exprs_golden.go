//go:build ignore

// Reference generator for exprs.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run exprs_golden.go > exprs.json
//
// Compiles and runs a program printing constant expressions (typed and untyped) with their
// type and exact machine value (integers in decimal, floats as IEEE bit patterns), and
// records gc's errors for expressions that must not compile.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var valid = []string{
	"1<<62 + 5", "math.MaxFloat64", "math.SmallestNonzeroFloat64", "math.MaxFloat32", "math.SmallestNonzeroFloat32",
	"float32(1e38) * 3", "float32(0.1)", "float64(float32(0.1))", "float32(0.1) * 3", "float32(1) / 3", "float64(1) / 3",
	"1e100 / 3", "1.0 / 3", "7 / 2", "-7 / 2", "-7 % 2", "7 % -2", "7.0 / 2", "7 / 2.0", "^uint8(1)", "^0", "^uint64(0)",
	"^int8(-128)", "^uint16(0x0f0f)", "1 << 10 >> 3", "-1 >> 1", "-5 >> 1", "uint32(1<<32-1) + 0", "\"a\" + \"b\"",
	"len(\"héllo\")", "'a' + 1", "'a' * 2.5", "string(rune(65))", "string(rune(-1))", "string(rune(0xD800))",
	"math.MaxUint64 / 3", "uint64(math.MaxUint64)", "math.MaxInt64", "math.MinInt64", "complex(1, 2) * complex(3, 4)",
	"(1 + 2i) * (3 + 4i)", "(1 + 2i) / (3 + 4i)", "real(1 + 2i)", "imag(complex64(1.1 + 2.2i))", "complex64(1.1 + 2.2i)",
	"complex128(1.1 + 2.2i) * 3", "1e-7", "1e21", "123456789.0", "float32(16777217)", "float64(9007199254740993)",
	"math.Pi", "float32(math.Pi)", "math.E * math.E", "math.Sqrt2", "1 / math.MaxFloat64", "math.SmallestNonzeroFloat64 / 2",
	"math.SmallestNonzeroFloat64 * 0.75", "1e308 * 10 / 10", "uint8(255) + 0", "int64(-1) << 62", "1.5e300 * 1.5e300 / 1e300",
	"0.1 + 0.2", "float64(0.1) + 0.2", "float32(0.1) + float32(0.2)", "1e1000000 / 1e999999", "(1 << 100) / (1 << 98)",
	"(1 << 100) % 7", "0x1p-1074", "0x1p-1075", "0x1.fffffffffffff7p1023", "float32(1e-50)", "float32(0x1p-150)",
	"float32(0x1.000001p-150)", "float32(3.4028235e38)", "-0.0", "1 - 0.9", "float32(1 - 0.9)", "100000000000000000000 / 3.0",
	"'\\377'", "'\\xff' + 0", "len(`a\\nb`)", "1e1000000 * 0 + 1", "(1e1000000 - 1e1000000) + 2",
	"uint(1<<64 - 1) / 2", "9007199254740993 * 1.0", "float32(1<<24 + 1)", "3 + 4i == 3 + 4i",
	"1.0 << 3", "(1<<63 - 1) / 1e10", "int(1e10)", "0.5 * 1.5e-323", "1e23", "8.41e21", "real(1 + 2i) / 2", "imag(3i) / 4", "real(complex(5, 0)) / 2", "len(\"abc\") / 2",
}

var invalid = []string{
	"float32(1e38) * 10", "int8(-128) / -1", "float64(1e308) * 10", "uint8(255) + 1", "-uint(1)", "int32(1) << 31",
	"1 << 600", "(1 << 500) * (1 << 500)", "float64(0x1.fffffffffffff8p1023)", "int(1.5)", "int8(200)", "uint8(-1)",
	"float32(1e39)", "complex64(1e39i)", "int(1e100)", "1 / 0", "1.0 / 0", "1 % 0", "1 << 2000", "uint64(1<<64)",
	"int64(1<<63)", "rune(1<<31)", "byte(256)", "int('a' * 1e20)", "float32(-1e39)", "^int8(127) - 2", "int8(-128) * -1 / 2", "float64(1<<1000) / 1e300", "float64(1<<511) * 4",
}

func main() {
	dir, err := os.MkdirTemp("", "exprs")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module p\ngo 1.19\n"), 0o644)

	var b strings.Builder
	b.WriteString(`package main

import (
	"fmt"
	"math"
)

var _ = math.Pi

func out(v any) {
	switch v := v.(type) {
	case float64:
		fmt.Printf("float64 %x\n", math.Float64bits(v))
	case float32:
		fmt.Printf("float32 %x\n", math.Float32bits(v))
	case complex128:
		fmt.Printf("complex128 %x %x\n", math.Float64bits(real(v)), math.Float64bits(imag(v)))
	case complex64:
		fmt.Printf("complex64 %x %x\n", math.Float32bits(real(v)), math.Float32bits(imag(v)))
	case string:
		fmt.Printf("string %q\n", v)
	default:
		fmt.Printf("%T %v\n", v, v)
	}
}

func main() {
`)
	for _, e := range valid {
		fmt.Fprintf(&b, "\tout(%s)\n", e)
	}
	b.WriteString("}\n")
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(b.String()), 0o644)
	cmd := exec.Command("/usr/lib/go-1.19/bin/go", "run", ".")
	cmd.Dir = dir
	o, err := cmd.CombinedOutput()
	if err != nil {
		fmt.Fprintln(os.Stderr, string(o))
		panic(err)
	}
	lines := strings.Split(strings.TrimSpace(string(o)), "\n")
	results := map[string]string{}
	for i, e := range valid {
		results[e] = lines[i]
	}

	// Invalid expressions, one per line, compiled with -e to see every error.
	var s strings.Builder
	s.WriteString("package main\n\nimport \"math\"\n\nvar _ = math.Pi\n\nfunc main() {\n")
	first := 8
	for _, e := range invalid {
		fmt.Fprintf(&s, "\t_ = %s\n", e)
	}
	s.WriteString("}\n")
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(s.String()), 0o644)
	cmd = exec.Command("/usr/lib/go-1.19/bin/go", "build", "-gcflags=-e", "-o", filepath.Join(dir, "out.bin"), ".")
	cmd.Dir = dir
	o, _ = cmd.CombinedOutput()
	errs := map[string]string{}
	re := regexp.MustCompile(`^\./main\.go:(\d+):\d+: (.*)$`)
	for _, l := range strings.Split(string(o), "\n") {
		if m := re.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			if k := n - first; k >= 0 && k < len(invalid) {
				if _, ok := errs[invalid[k]]; !ok {
					errs[invalid[k]] = m[2]
				}
			}
		}
	}
	json.NewEncoder(os.Stdout).Encode(map[string]any{"valid": results, "invalid": errs})
}
