//go:build ignore

// Reference generator for typedfuzz.json (not part of gort's build; run with Go 1.19):
//
//	cd packages/compiler/src/constant/testdata && /usr/lib/go-1.19/bin/go run typedfuzz_golden.go > typedfuzz.json
//
// Random typed constant expressions (seeded), each as `var vN T = EXPR`. gc compiles them with
// -e; for every line it either reports errors (recorded verbatim, first error of the line) or
// the program prints the variable's exact machine value. Checks, at scale, the rounding of
// typed constants after each operation, overflow detection and gc's error texts.
package main

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var types = []string{"int8", "int16", "int32", "int64", "int", "uint8", "uint16", "uint32", "uint64", "uint", "float32", "float64", "complex64", "complex128"}

var intLits = []string{"0", "1", "2", "3", "7", "100", "127", "128", "255", "256", "1000", "65535", "1 << 31", "1 << 40", "1 << 62", "1 << 63", "-1", "-128", "'a'", "0x7f"}
var floatLits = []string{"0.1", "0.5", "1.5", "2.0", "3.0", "1e-7", "1e-45", "1e10", "3.4e38", "1e300", "1.7976931348623157e308", "0.3333333333333333", "16777217.0", "1e-320"}
var complexLits = []string{"1i", "0.5i", "(1 + 2i)", "(0.1 + 0.2i)", "1e38i"}

type entry struct {
	Type string `json:"type"`
	Expr string `json:"expr"`
	Out  string `json:"out"`
	Err  string `json:"err"`
}

func isInt(t string) bool     { return strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint") }
func isComplex(t string) bool { return strings.HasPrefix(t, "complex") }

func gen(rng *rand.Rand, t string, depth int) string {
	if depth == 0 || rng.Intn(3) == 0 {
		var lit string
		switch {
		case isInt(t):
			lit = intLits[rng.Intn(len(intLits))]
			if rng.Intn(4) == 0 {
				lit = floatLits[rng.Intn(len(floatLits))] // sometimes a float constant
			}
		case isComplex(t):
			if rng.Intn(2) == 0 {
				lit = complexLits[rng.Intn(len(complexLits))]
			} else {
				lit = floatLits[rng.Intn(len(floatLits))]
			}
		default:
			if rng.Intn(3) == 0 {
				lit = intLits[rng.Intn(len(intLits))]
			} else {
				lit = floatLits[rng.Intn(len(floatLits))]
			}
		}
		if rng.Intn(2) == 0 {
			return t + "(" + lit + ")" // typed operand
		}
		if strings.ContainsAny(lit, " -") && !strings.HasPrefix(lit, "(") {
			return "(" + lit + ")"
		}
		return lit
	}
	ops := []string{"+", "-", "*", "/"}
	if isInt(t) {
		ops = append(ops, "%", "&", "|", "^", "&^", "<<", ">>")
	}
	op := ops[rng.Intn(len(ops))]
	x := gen(rng, t, depth-1)
	if op == "<<" || op == ">>" {
		return "(" + x + " " + op + " " + strconv.Itoa(rng.Intn(70)) + ")"
	}
	y := gen(rng, t, depth-1)
	if rng.Intn(5) == 0 {
		return "-(" + x + " " + op + " " + y + ")"
	}
	return "(" + x + " " + op + " " + y + ")"
}

func main() {
	rng := rand.New(rand.NewSource(7))
	var entries []entry
	for i := 0; i < 400; i++ {
		t := types[rng.Intn(len(types))]
		e := gen(rng, t, 1+rng.Intn(3))
		entries = append(entries, entry{Type: t, Expr: e})
	}
	dir, err := os.MkdirTemp("", "typedfuzz")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module p\ngo 1.19\n"), 0o644)
	write := func(skip map[int]bool) {
		var b strings.Builder
		b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"math\"\n)\n\nvar _ = math.Pi\n\n")
		for i, e := range entries {
			if skip[i] {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(&b, "var v%d %s = %s\n", i, e.Type, e.Expr)
		}
		b.WriteString("\nfunc main() {\n")
		for i, e := range entries {
			if skip[i] {
				continue
			}
			switch {
			case e.Type == "float64":
				fmt.Fprintf(&b, "\tfmt.Printf(\"%d %%x\\n\", math.Float64bits(v%d))\n", i, i)
			case e.Type == "float32":
				fmt.Fprintf(&b, "\tfmt.Printf(\"%d %%x\\n\", math.Float32bits(v%d))\n", i, i)
			case e.Type == "complex128":
				fmt.Fprintf(&b, "\tfmt.Printf(\"%d %%x %%x\\n\", math.Float64bits(real(v%d)), math.Float64bits(imag(v%d)))\n", i, i, i)
			case e.Type == "complex64":
				fmt.Fprintf(&b, "\tfmt.Printf(\"%d %%x %%x\\n\", math.Float32bits(real(v%d)), math.Float32bits(imag(v%d)))\n", i, i, i)
			default:
				fmt.Fprintf(&b, "\tfmt.Printf(\"%d %%d\\n\", v%d)\n", i, i)
			}
		}
		b.WriteString("}\n")
		os.WriteFile(filepath.Join(dir, "main.go"), []byte(b.String()), 0o644)
	}
	// gc stops after ~10 errors even with -e when they come from one line, so compile
	// repeatedly, removing the lines that failed, until the program builds.
	re := regexp.MustCompile(`^\./main\.go:(\d+):\d+: (.*)$`)
	const firstLine = 10 // line of v0
	skip := map[int]bool{}
	for round := 0; ; round++ {
		write(skip)
		cmd := exec.Command("/usr/lib/go-1.19/bin/go", "build", "-gcflags=-e", "-o", filepath.Join(dir, "out.bin"), ".")
		cmd.Dir = dir
		o, err := cmd.CombinedOutput()
		if err == nil {
			break
		}
		found := false
		for _, l := range strings.Split(string(o), "\n") {
			if m := re.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[1])
				k := n - firstLine
				if k >= 0 && k < len(entries) && !skip[k] && m[2] != "too many errors" {
					skip[k] = true
					entries[k].Err = m[2]
					found = true
				}
			}
		}
		if !found || round > 100 {
			fmt.Fprintln(os.Stderr, string(o))
			panic("no progress")
		}
	}
	write(skip)
	cmd := exec.Command("/usr/lib/go-1.19/bin/go", "run", ".")
	cmd.Dir = dir
	o, err := cmd.CombinedOutput()
	if err != nil {
		fmt.Fprintln(os.Stderr, string(o))
		panic(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(o)), "\n") {
		idx, rest, _ := strings.Cut(l, " ")
		k, _ := strconv.Atoi(idx)
		entries[k].Out = rest
	}
	json.NewEncoder(os.Stdout).Encode(entries)
}
