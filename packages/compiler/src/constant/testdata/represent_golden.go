//go:build ignore

// Reference generator for represent.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run represent_golden.go > represent.json
//
// For each constant expression C and basic type T it records
//   - the untyped constant's type and exact value (go/types),
//   - gc's error for `var _ T = C` (compiled with go build -gcflags=-e), or "" when accepted,
//   - the value of the conversion T(C) as go/types computes it (rounded), when valid.
package main

import (
	"encoding/json"
	"fmt"
	"go/constant"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var consts = []string{
	"0", "1", "-1", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768", "-32769", "65535", "65536",
	"2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616", "1 << 100", "-(1 << 100)",
	"1.0", "1.5", "-1.5", "2.0", "-0.0", "1e100", "1e-100", "0.1", "1e38", "3.4028234663852886e38",
	"3.4028235677973366e38", "3.4028235677973367e38", "1e39", "-1e39", "1.7976931348623157e308", "1.7976931348623158e308",
	"1.797693134862315808e308", "1e309", "-1e309", "1e-320", "1e-46", "1e-45", "7e-46", "5e-324", "2e-324", "3e-324", "1e-400",
	"1 + 2i", "1 + 0i", "2i", "1.5 + 0i", "1e39i", "1e39 + 0i", "(1 + 2i) * (1 - 2i)", "1e309i", "0.1 + 0.2i",
	`"s"`, "true", "'a'", "'a' * 1000", "'\\U0010FFFF'", "1 << 62", "16777217", "16777216.5", "16777219",
	"9007199254740993", "0.333333333333333333333", "1e1000000", "-1e1000000", "1e-1000000", "1.0 / 3", "1 / 3.0 * 3",
	"0x1p-149", "0x1p-150", "0x1.000001p-149", "0x1p127", "0x1.fffffefffffffp127", "0x1.ffffffp127", "9.5", "-9.5",
}

var typeNames = []string{"bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
	"uint64", "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune"}

type entry struct {
	C     string `json:"c"`
	CType string `json:"ctype"`
	CVal  string `json:"cval"`
	// per type: gc error (without position) or "", and the converted value or error
	Assign map[string]string `json:"assign"`
	Conv   map[string]string `json:"conv"`
}

func main() {
	dir, err := os.MkdirTemp("", "repr")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	var src strings.Builder
	src.WriteString("package p\n\n")
	line := 3
	where := map[int][2]int{}
	for i, c := range consts {
		for j, t := range typeNames {
			fmt.Fprintf(&src, "var _ %s = %s\n", t, c)
			where[line] = [2]int{i, j}
			line++
		}
	}
	os.WriteFile(filepath.Join(dir, "p.go"), []byte(src.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module p\ngo 1.19\n"), 0o644)
	cmd := exec.Command("/usr/lib/go-1.19/bin/go", "build", "-gcflags=-e", ".")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	errs := map[[2]int]string{}
	re := regexp.MustCompile(`^\./p\.go:(\d+):\d+: (.*)$`)
	for _, l := range strings.Split(string(out), "\n") {
		m := re.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if k, ok := where[n]; ok {
			if _, seen := errs[k]; !seen {
				errs[k] = m[2]
			}
		}
	}

	fset := token.NewFileSet()
	pkg, _ := (&types.Config{Importer: importer.Default()}).Check("p", fset, nil, nil)
	var entries []entry
	for i, c := range consts {
		tv, err := types.Eval(fset, pkg, token.NoPos, c)
		if err != nil {
			panic(err)
		}
		e := entry{C: c, CType: tv.Type.String(), CVal: tv.Value.ExactString(), Assign: map[string]string{}, Conv: map[string]string{}}
		if len(e.CVal) > 1000 {
			e.CVal = "" // too long to store; tests rebuild the value from C
		}
		for j, t := range typeNames {
			e.Assign[t] = errs[[2]int{i, j}]
			ctv, err := types.Eval(fset, pkg, token.NoPos, t+"("+c+")")
			if err != nil {
				e.Conv[t] = "error"
			} else {
				e.Conv[t] = ctv.Value.ExactString()
				if ctv.Value.Kind() == constant.Float && len(e.Conv[t]) > 1000 {
					e.Conv[t] = "long"
				}
			}
		}
		entries = append(entries, e)
	}
	json.NewEncoder(os.Stdout).Encode(entries)
}
