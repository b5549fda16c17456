package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

type level int

func (l level) MarshalText() ([]byte, error) { return []byte([]string{"low", "mid", "high"}[l]), nil }
func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 0
	case "mid":
		*l = 1
	case "high":
		*l = 2
	default:
		return errors.New("unknown level " + string(b))
	}
	return nil
}

func newSet() (*flag.FlagSet, map[string]any) {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	v := map[string]any{}
	v["n"] = fs.Int("n", 3, "number of `items`")
	v["v"] = fs.Bool("v", false, "verbose output")
	v["name"] = fs.String("name", "gopher", "who to greet")
	v["ratio"] = fs.Float64("ratio", 0.5, "a ratio")
	v["big"] = fs.Int64("big", 0, "a big number")
	v["u"] = fs.Uint("u", 7, "unsigned")
	v["u64"] = fs.Uint64("u64", 0, "unsigned 64")
	v["wait"] = fs.Duration("wait", 1500*time.Millisecond, "how long to wait\nsecond line")
	var l listFlag
	fs.Var(&l, "tag", "add a tag (repeatable)")
	v["tag"] = &l
	var lv level
	fs.TextVar(&lv, "level", level(1), "log level")
	v["level"] = &lv
	fs.Func("each", "called for each value", func(s string) error {
		if s == "bad" {
			return errors.New("bad value")
		}
		fmt.Println("each:", s)
		return nil
	})
	return fs, v
}

func show(fs *flag.FlagSet, v map[string]any) {
	fmt.Println(*v["n"].(*int), *v["v"].(*bool), *v["name"].(*string), *v["ratio"].(*float64),
		*v["big"].(*int64), *v["u"].(*uint), *v["u64"].(*uint64), *v["wait"].(*time.Duration),
		*v["tag"].(*listFlag), *v["level"].(*level))
	fmt.Println("args:", fs.Args(), fs.NArg(), fs.NFlag(), fs.Arg(0), fs.Arg(9) == "")
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
}

func main() {
	cases := [][]string{
		{},
		{"-n", "10", "-v", "--name=ada", "-tag", "a", "-tag=b", "rest", "-x"},
		{"-ratio", "2.5e3", "-big", "0x7fffffffffffffff", "-u", "0b101", "-wait", "2h45m30.5s", "-level", "high", "--", "-n", "5"},
		{"-v=false", "-each", "one", "-each=two", "-u64", "18446744073709551615", "-wait=-1.5us"},
		{"-n", "abc"},
		{"-n", "99999999999999999999"},
		{"-u", "-1"},
		{"-v=maybe"},
		{"-missing"},
		{"-name"},
		{"---x"},
		{"-=x"},
		{"-level", "extreme"},
		{"-each", "bad"},
		{"-wait", "10"},
		{"-h"},
		{"-"},
	}
	for _, args := range cases {
		fmt.Printf("== %q\n", args)
		fs, v := newSet()
		err := fs.Parse(args)
		fmt.Println("err:", err, errors.Is(err, flag.ErrHelp))
		show(fs, v)
	}

	fs, _ := newSet()
	fmt.Println(fs.Set("n", "42"), fs.Set("nope", "1"), fs.Lookup("n").Value, fs.Lookup("zz") == nil)
	fmt.Println(fs.Lookup("n").Value.(flag.Getter).Get(), fs.Name(), fs.ErrorHandling(), fs.Parsed())
	name, usage := flag.UnquoteUsage(fs.Lookup("n"))
	fmt.Printf("%q %q\n", name, usage)
	fs.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, ":", f.DefValue, " ") })
	fmt.Println()

	// Custom usage and an unnamed set.
	var empty flag.FlagSet
	empty.SetOutput(os.Stdout)
	empty.Bool("x", true, "")
	fmt.Println(empty.Parse([]string{"-y"}))
	custom := flag.NewFlagSet("c", flag.ContinueOnError)
	custom.SetOutput(os.Stdout)
	custom.Usage = func() { fmt.Println("custom usage!") }
	fmt.Println(custom.Parse([]string{"-help"}))

	// Redefinition panics after printing.
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		fs.Int("n", 1, "again")
	}()
	pfs := flag.NewFlagSet("p", flag.PanicOnError)
	pfs.SetOutput(os.Stdout)
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		pfs.Parse([]string{"-q"})
	}()

	// The command line (no arguments here).
	verbose := flag.Bool("verbose", false, "be chatty")
	flag.Parse()
	fmt.Println(flag.Parsed(), *verbose, flag.NArg(), flag.NFlag(), flag.Args())
	flag.CommandLine.SetOutput(os.Stdout)
	flag.PrintDefaults()
	ex := flag.NewFlagSet("exit", flag.ExitOnError)
	ex.SetOutput(os.Stdout)
	ex.Parse([]string{"-bogus"})
	fmt.Println("not reached")
}
