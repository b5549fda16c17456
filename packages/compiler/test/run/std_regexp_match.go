package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	logs := `2022-08-02 10:15:01 INFO  server started on :8080
2022-08-02 10:15:07 WARN  slow request GET /api/users took 1.52s
2022-08-02 10:16:44 ERROR db timeout after 30s (retry 3)
2022-08-02 10:17:00 INFO  user ada@example.com logged in`
	line := regexp.MustCompile(`(?m)^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+(?P<msg>.*)$`)
	fmt.Println(line.NumSubexp(), line.SubexpNames(), line.SubexpIndex("level"), line.SubexpIndex("nope"))
	for _, m := range line.FindAllStringSubmatch(logs, -1) {
		fmt.Printf("%s|%s|%q\n", m[line.SubexpIndex("level")], m[2], m[4])
	}
	fmt.Println(line.ReplaceAllString(logs, "[$level] ${msg} @$time"))

	email := regexp.MustCompile(`([a-z0-9._%+-]+)@([a-z0-9.-]+\.[a-z]{2,})`)
	text := "Contact ada@example.com or bob.smith@mail.example.org; not@valid"
	fmt.Println(email.FindAllString(text, -1), email.FindAllStringIndex(text, 1))
	fmt.Println(email.ReplaceAllString(text, "<$2:$1>"), email.ReplaceAllString(text, "$1x $$ ${1}x $9 $"))
	fmt.Println(email.ReplaceAllStringFunc(text, strings.ToUpper))
	fmt.Println(email.ReplaceAllLiteralString(text, "$1"))
	fmt.Printf("%q\n", email.FindStringSubmatch("x@y.zz"))
	fmt.Println(string(email.ExpandString(nil, "user=$1 host=$2", text, email.FindStringSubmatchIndex(text))))

	words := regexp.MustCompile(`\b\w+\b`)
	fmt.Println(len(words.FindAllString(logs, -1)), words.FindAllString("héllo wörld, go1.19!", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ;; d", -1))
	fmt.Printf("%q %q %q\n", regexp.MustCompile(`a*`).Split("baaac", -1), regexp.MustCompile(``).Split("abc", 2), regexp.MustCompile(`x`).Split("", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`a*`).ReplaceAllString("baaacada", "-"))
	fmt.Printf("%q\n", regexp.MustCompile(`(?i)gopher`).FindAllString("Gopher GOPHER gopher gOpHeR", 3))
	fmt.Println(regexp.MustCompile(`(a|ab)(c|bcd)(d*)`).FindStringSubmatch("abcd"))
	posix := regexp.MustCompilePOSIX(`(a|ab)(c|bcd)(d*)`)
	fmt.Println(posix.FindStringSubmatch("abcd"))
	lazy := regexp.MustCompile(`<.+?>`)
	greedy := regexp.MustCompile(`<.+>`)
	fmt.Println(lazy.FindAllString("<a><b></b></a>", -1), greedy.FindString("<a><b></b></a>"))
	greedy.Longest()
	fmt.Println(regexp.MustCompile(`a(|b)`).FindString("ab"), func() string { r := regexp.MustCompile(`a(|b)`); r.Longest(); return r.FindString("ab") }())
	fmt.Println(regexp.MustCompile(`\p{Greek}+`).FindString("abc αβγ def"), regexp.MustCompile(`[[:upper:]][[:lower:]]+`).FindAllString("Hello World FOO Bar", -1))
	fmt.Println(regexp.QuoteMeta(`1+1=2? [yes] {ok} $5.00 ^_^ a|b \d`))
	re := regexp.MustCompile(regexp.QuoteMeta("a.b*c"))
	fmt.Println(re.MatchString("a.b*c"), re.MatchString("aXbbc"), re.String())
	fmt.Println(regexp.MustCompile(`^abc`).LiteralPrefix())
	fmt.Println(regexp.MustCompile(`hello(world)?`).LiteralPrefix())
	fmt.Println(regexp.MustCompile(`(?i)hello`).LiteralPrefix())
	b := regexp.MustCompile(`o+`)
	fmt.Printf("%q %v %q\n", b.Find([]byte("foo boo")), b.FindAllIndex([]byte("foo boo"), -1), b.ReplaceAll([]byte("foo boo"), []byte("0")))
	fmt.Printf("%q\n", b.ReplaceAllFunc([]byte("foo boo"), func(m []byte) []byte { return []byte(fmt.Sprint(len(m))) }))
	fmt.Println(regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]"))
	// A program too big for the backtracker (the Pike VM runs it).
	var wlist []string
	for i := 0; i < 120; i++ {
		wlist = append(wlist, fmt.Sprintf("w%03dx", i*7))
	}
	big := regexp.MustCompile(`\b(?:` + strings.Join(wlist, "|") + `)(s?)\b`)
	long := strings.Repeat("w007x w700x w014xs w0x ", 20)
	all := big.FindAllStringSubmatchIndex(long, -1)
	fmt.Println(len(long), len(all), all[:3], all[len(all)-1], big.ReplaceAllString(long[:40], "<$1>"))
	fmt.Println(regexp.MatchString(`a(b`, "ab"))
	for _, p := range []string{`a**`, `(?P<>x)`, `[z-a]`, `x{1001}`, `\8`, `(?<n>x)`, "\xff", `a)`} {
		_, err := regexp.Compile(p)
		fmt.Println(err)
	}
	defer func() { fmt.Println("panic:", recover()) }()
	regexp.MustCompile("missing(paren")
}
