// gort standard library: package flag.
//
// Command-line flag parsing with Go 1.19's syntax (-flag, -flag=x, -flag x
// for non-boolean flags, "--" ends the flags, -h/-help print usage), its
// error messages (written to the FlagSet's output before the usage text) and
// PrintDefaults layout. The flag values are in values.go.

package flag

import (
	"encoding"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// ErrHelp is returned by Parse when -help or -h was given but not defined.
var ErrHelp = errors.New("flag: help requested")

// ErrorHandling says what FlagSet.Parse does when parsing fails.
type ErrorHandling int

const (
	ContinueOnError ErrorHandling = iota // return the error
	ExitOnError                          // os.Exit(2), or os.Exit(0) for -h/-help
	PanicOnError                         // panic with the error
)

// A FlagSet is a set of defined flags (the zero value has no name and
// continues on error).
type FlagSet struct {
	// Usage is called when an error occurs while parsing flags.
	Usage func()

	name          string
	parsed        bool
	actual        map[string]*Flag // flags set on the command line
	formal        map[string]*Flag // flags defined
	args          []string         // arguments after the flags
	errorHandling ErrorHandling
	output        io.Writer // nil means os.Stderr
}

// A Flag is the state of one flag.
type Flag struct {
	Name     string // as it appears on the command line
	Usage    string // help message
	Value    Value  // value as set
	DefValue string // default value as text, for the usage message
}

func sortedFlags(flags map[string]*Flag) []*Flag {
	out := make([]*Flag, 0, len(flags))
	for _, f := range flags {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Output returns where usage and error messages go (os.Stderr unless set).
func (f *FlagSet) Output() io.Writer {
	if f.output == nil {
		return os.Stderr
	}
	return f.output
}

// Name returns the flag set's name.
func (f *FlagSet) Name() string { return f.name }

// ErrorHandling returns the flag set's error handling behaviour.
func (f *FlagSet) ErrorHandling() ErrorHandling { return f.errorHandling }

// SetOutput sets the destination of usage and error messages (nil means
// os.Stderr).
func (f *FlagSet) SetOutput(output io.Writer) { f.output = output }

// VisitAll calls fn for every defined flag in name order.
func (f *FlagSet) VisitAll(fn func(*Flag)) {
	for _, fl := range sortedFlags(f.formal) {
		fn(fl)
	}
}

// VisitAll calls fn for every command-line flag in name order.
func VisitAll(fn func(*Flag)) { CommandLine.VisitAll(fn) }

// Visit calls fn for every flag that has been set, in name order.
func (f *FlagSet) Visit(fn func(*Flag)) {
	for _, fl := range sortedFlags(f.actual) {
		fn(fl)
	}
}

// Visit calls fn for every command-line flag that has been set.
func Visit(fn func(*Flag)) { CommandLine.Visit(fn) }

// Lookup returns the named flag, or nil.
func (f *FlagSet) Lookup(name string) *Flag { return f.formal[name] }

// Lookup returns the named command-line flag, or nil.
func Lookup(name string) *Flag { return CommandLine.formal[name] }

// Set sets the value of the named flag.
func (f *FlagSet) Set(name, value string) error {
	fl, ok := f.formal[name]
	if !ok {
		return fmt.Errorf("no such flag -%v", name)
	}
	if err := fl.Value.Set(value); err != nil {
		return err
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return nil
}

// Set sets the value of the named command-line flag.
func Set(name, value string) error { return CommandLine.Set(name, value) }

// UnquoteUsage returns the name for the flag's value in usage text (the
// first `quoted` word of the usage, else a name for its type) and the
// usage without the back quotes.
func UnquoteUsage(flag *Flag) (name string, usage string) {
	usage = flag.Usage
	if i := strings.IndexByte(usage, '`'); i >= 0 {
		if j := strings.IndexByte(usage[i+1:], '`'); j >= 0 {
			name = usage[i+1 : i+1+j]
			return name, usage[:i] + name + usage[i+1+j+1:]
		}
	}
	name = "value"
	switch flag.Value.(type) {
	case boolFlag:
		name = ""
	case *durationValue:
		name = "duration"
	case *float64Value:
		name = "float"
	case *intValue, *int64Value:
		name = "int"
	case *stringValue:
		name = "string"
	case *uintValue, *uint64Value:
		name = "uint"
	}
	return name, usage
}

// PrintDefaults writes every defined flag's usage to the output:
//
//	-name type
//	  	usage (default value)
//
// with a one-letter boolean flag's usage on the same line.
func (f *FlagSet) PrintDefaults() {
	var zeroErrs []error
	f.VisitAll(func(fl *Flag) {
		var b strings.Builder
		b.WriteString("  -")
		b.WriteString(fl.Name)
		name, usage := UnquoteUsage(fl)
		if name != "" {
			b.WriteString(" ")
			b.WriteString(name)
		}
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if zero, err := isZeroValue(fl, fl.DefValue); err != nil {
			zeroErrs = append(zeroErrs, err)
		} else if !zero {
			if _, ok := fl.Value.(*stringValue); ok {
				fmt.Fprintf(&b, " (default %q)", fl.DefValue)
			} else {
				fmt.Fprintf(&b, " (default %v)", fl.DefValue)
			}
		}
		fmt.Fprint(f.Output(), b.String(), "\n")
	})
	if len(zeroErrs) > 0 {
		fmt.Fprintln(f.Output())
		for _, err := range zeroErrs {
			fmt.Fprintln(f.Output(), err)
		}
	}
}

// PrintDefaults prints the command-line flags' defaults to standard error.
func PrintDefaults() { CommandLine.PrintDefaults() }

func (f *FlagSet) defaultUsage() {
	if f.name == "" {
		fmt.Fprintf(f.Output(), "Usage:\n")
	} else {
		fmt.Fprintf(f.Output(), "Usage of %s:\n", f.name)
	}
	f.PrintDefaults()
}

// Usage prints the command-line usage message; programs may replace it.
var Usage = func() {
	fmt.Fprintf(CommandLine.Output(), "Usage of %s:\n", os.Args[0])
	PrintDefaults()
}

// NFlag returns the number of flags that have been set.
func (f *FlagSet) NFlag() int { return len(f.actual) }

// NFlag returns the number of command-line flags that have been set.
func NFlag() int { return len(CommandLine.actual) }

// Arg returns the i'th argument left after the flags ("" if out of range).
func (f *FlagSet) Arg(i int) string {
	if i < 0 || i >= len(f.args) {
		return ""
	}
	return f.args[i]
}

// Arg returns the i'th command-line argument left after the flags.
func Arg(i int) string { return CommandLine.Arg(i) }

// NArg is the number of arguments left after the flags.
func (f *FlagSet) NArg() int { return len(f.args) }

// NArg is the number of command-line arguments left after the flags.
func NArg() int { return len(CommandLine.args) }

// Args returns the arguments left after the flags.
func (f *FlagSet) Args() []string { return f.args }

// Args returns the command-line arguments left after the flags.
func Args() []string { return CommandLine.args }

// The definition functions: Xxx returns a pointer to a new variable,
// XxxVar stores into p; both set the default value.

func (f *FlagSet) BoolVar(p *bool, name string, value bool, usage string) {
	*p = value
	f.Var((*boolValue)(p), name, usage)
}
func BoolVar(p *bool, name string, value bool, usage string) {
	CommandLine.BoolVar(p, name, value, usage)
}
func (f *FlagSet) Bool(name string, value bool, usage string) *bool {
	p := new(bool)
	f.BoolVar(p, name, value, usage)
	return p
}
func Bool(name string, value bool, usage string) *bool {
	return CommandLine.Bool(name, value, usage)
}

func (f *FlagSet) IntVar(p *int, name string, value int, usage string) {
	*p = value
	f.Var((*intValue)(p), name, usage)
}
func IntVar(p *int, name string, value int, usage string) {
	CommandLine.IntVar(p, name, value, usage)
}
func (f *FlagSet) Int(name string, value int, usage string) *int {
	p := new(int)
	f.IntVar(p, name, value, usage)
	return p
}
func Int(name string, value int, usage string) *int {
	return CommandLine.Int(name, value, usage)
}

func (f *FlagSet) Int64Var(p *int64, name string, value int64, usage string) {
	*p = value
	f.Var((*int64Value)(p), name, usage)
}
func Int64Var(p *int64, name string, value int64, usage string) {
	CommandLine.Int64Var(p, name, value, usage)
}
func (f *FlagSet) Int64(name string, value int64, usage string) *int64 {
	p := new(int64)
	f.Int64Var(p, name, value, usage)
	return p
}
func Int64(name string, value int64, usage string) *int64 {
	return CommandLine.Int64(name, value, usage)
}

func (f *FlagSet) UintVar(p *uint, name string, value uint, usage string) {
	*p = value
	f.Var((*uintValue)(p), name, usage)
}
func UintVar(p *uint, name string, value uint, usage string) {
	CommandLine.UintVar(p, name, value, usage)
}
func (f *FlagSet) Uint(name string, value uint, usage string) *uint {
	p := new(uint)
	f.UintVar(p, name, value, usage)
	return p
}
func Uint(name string, value uint, usage string) *uint {
	return CommandLine.Uint(name, value, usage)
}

func (f *FlagSet) Uint64Var(p *uint64, name string, value uint64, usage string) {
	*p = value
	f.Var((*uint64Value)(p), name, usage)
}
func Uint64Var(p *uint64, name string, value uint64, usage string) {
	CommandLine.Uint64Var(p, name, value, usage)
}
func (f *FlagSet) Uint64(name string, value uint64, usage string) *uint64 {
	p := new(uint64)
	f.Uint64Var(p, name, value, usage)
	return p
}
func Uint64(name string, value uint64, usage string) *uint64 {
	return CommandLine.Uint64(name, value, usage)
}

func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {
	*p = value
	f.Var((*stringValue)(p), name, usage)
}
func StringVar(p *string, name string, value string, usage string) {
	CommandLine.StringVar(p, name, value, usage)
}
func (f *FlagSet) String(name string, value string, usage string) *string {
	p := new(string)
	f.StringVar(p, name, value, usage)
	return p
}
func String(name string, value string, usage string) *string {
	return CommandLine.String(name, value, usage)
}

func (f *FlagSet) Float64Var(p *float64, name string, value float64, usage string) {
	*p = value
	f.Var((*float64Value)(p), name, usage)
}
func Float64Var(p *float64, name string, value float64, usage string) {
	CommandLine.Float64Var(p, name, value, usage)
}
func (f *FlagSet) Float64(name string, value float64, usage string) *float64 {
	p := new(float64)
	f.Float64Var(p, name, value, usage)
	return p
}
func Float64(name string, value float64, usage string) *float64 {
	return CommandLine.Float64(name, value, usage)
}

func (f *FlagSet) DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	*p = value
	f.Var((*durationValue)(p), name, usage)
}
func DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	CommandLine.DurationVar(p, name, value, usage)
}
func (f *FlagSet) Duration(name string, value time.Duration, usage string) *time.Duration {
	p := new(time.Duration)
	f.DurationVar(p, name, value, usage)
	return p
}
func Duration(name string, value time.Duration, usage string) *time.Duration {
	return CommandLine.Duration(name, value, usage)
}

// TextVar defines a flag whose value is parsed by p's UnmarshalText;
// value (of p's element type) is the default.
func (f *FlagSet) TextVar(p encoding.TextUnmarshaler, name string, value encoding.TextMarshaler, usage string) {
	f.Var(newTextValue(value, p), name, usage)
}
func TextVar(p encoding.TextUnmarshaler, name string, value encoding.TextMarshaler, usage string) {
	CommandLine.TextVar(p, name, value, usage)
}

// Func defines a flag that calls fn with each value given on the command
// line; a non-nil error is reported as a parse failure.
func (f *FlagSet) Func(name, usage string, fn func(string) error) {
	f.Var(funcValue(fn), name, usage)
}
func Func(name, usage string, fn func(string) error) {
	CommandLine.Func(name, usage, fn)
}

// Var defines a flag with a custom Value; its String is the default. It
// panics (after printing the message) on a bad or duplicate name.
func (f *FlagSet) Var(value Value, name string, usage string) {
	if strings.HasPrefix(name, "-") {
		panic(f.sprintf("flag %q begins with -", name))
	} else if strings.Contains(name, "=") {
		panic(f.sprintf("flag %q contains =", name))
	}
	fl := &Flag{name, usage, value, value.String()}
	if _, dup := f.formal[name]; dup {
		var msg string
		if f.name == "" {
			msg = f.sprintf("flag redefined: %s", name)
		} else {
			msg = f.sprintf("%s flag redefined: %s", f.name, name)
		}
		panic(msg)
	}
	if f.formal == nil {
		f.formal = make(map[string]*Flag)
	}
	f.formal[name] = fl
}

// Var defines a command-line flag with a custom Value.
func Var(value Value, name string, usage string) { CommandLine.Var(value, name, usage) }

// sprintf formats a message and also prints it to the output.
func (f *FlagSet) sprintf(format string, a ...any) string {
	msg := fmt.Sprintf(format, a...)
	fmt.Fprintln(f.Output(), msg)
	return msg
}

// failf prints the message and the usage and returns the message as an
// error.
func (f *FlagSet) failf(format string, a ...any) error {
	msg := f.sprintf(format, a...)
	f.usage()
	return errors.New(msg)
}

func (f *FlagSet) usage() {
	if f.Usage == nil {
		f.defaultUsage()
	} else {
		f.Usage()
	}
}

// parseOne parses the next flag; it reports false when the flags ended
// (or on error).
func (f *FlagSet) parseOne() (bool, error) {
	if len(f.args) == 0 {
		return false, nil
	}
	s := f.args[0]
	if len(s) < 2 || s[0] != '-' {
		return false, nil
	}
	dashes := 1
	if s[1] == '-' {
		dashes = 2
		if len(s) == 2 { // "--" ends the flags and is consumed
			f.args = f.args[1:]
			return false, nil
		}
	}
	name := s[dashes:]
	if name == "" || name[0] == '-' || name[0] == '=' {
		return false, f.failf("bad flag syntax: %s", s)
	}
	f.args = f.args[1:]
	value, hasValue := "", false
	if i := strings.IndexByte(name[1:], '='); i >= 0 {
		value, hasValue = name[i+2:], true
		name = name[:i+1]
	}
	fl, ok := f.formal[name]
	if !ok {
		if name == "help" || name == "h" {
			f.usage()
			return false, ErrHelp
		}
		return false, f.failf("flag provided but not defined: -%s", name)
	}
	if bv, ok := fl.Value.(boolFlag); ok && bv.IsBoolFlag() {
		if hasValue {
			if err := bv.Set(value); err != nil {
				return false, f.failf("invalid boolean value %q for -%s: %v", value, name, err)
			}
		} else if err := bv.Set("true"); err != nil {
			return false, f.failf("invalid boolean flag %s: %v", name, err)
		}
	} else {
		if !hasValue && len(f.args) > 0 {
			value, hasValue = f.args[0], true
			f.args = f.args[1:]
		}
		if !hasValue {
			return false, f.failf("flag needs an argument: -%s", name)
		}
		if err := fl.Value.Set(value); err != nil {
			return false, f.failf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return true, nil
}

// Parse parses flags from arguments (without the program name); it must be
// called after every flag is defined and before flags are read.
func (f *FlagSet) Parse(arguments []string) error {
	f.parsed = true
	f.args = arguments
	for {
		seen, err := f.parseOne()
		if seen {
			continue
		}
		if err == nil {
			return nil
		}
		switch f.errorHandling {
		case ContinueOnError:
			return err
		case ExitOnError:
			if err == ErrHelp {
				os.Exit(0)
			}
			os.Exit(2)
		case PanicOnError:
			panic(err)
		}
		return nil
	}
}

// Parsed reports whether Parse has been called.
func (f *FlagSet) Parsed() bool { return f.parsed }

// Parse parses the command-line flags from os.Args[1:].
func Parse() { CommandLine.Parse(os.Args[1:]) }

// Parsed reports whether the command-line flags have been parsed.
func Parsed() bool { return CommandLine.Parsed() }

// CommandLine is the default set of command-line flags, from os.Args.
var CommandLine = NewFlagSet(os.Args[0], ExitOnError)

func init() {
	// Calls the package-level Usage, which programs may replace.
	CommandLine.Usage = func() { Usage() }
}

// NewFlagSet returns an empty flag set with the given name and error
// handling.
func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet {
	f := &FlagSet{name: name, errorHandling: errorHandling}
	f.Usage = f.defaultUsage
	return f
}

// Init sets the name and error handling of a (zero) flag set.
func (f *FlagSet) Init(name string, errorHandling ErrorHandling) {
	f.name = name
	f.errorHandling = errorHandling
}
