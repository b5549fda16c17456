package main

import (
	"fmt"
	"net/url"
)

func main() {
	for _, s := range []string{"http://user:pw@example.com:8080/a%20b/c?x=1&y=a+b#frag", "/path?q=%zz", "mailto:joe@x.org", "https://[::1]:443/", "a:b", "//h/p", "http://x/%2fslash?"} {
		u, err := url.Parse(s)
		if err != nil {
			fmt.Println("err", err)
			continue
		}
		fmt.Printf("%q %q %q %q %q %q %q | %s | %s %s %s\n", u.Scheme, u.Host, u.Path, u.RawPath, u.RawQuery, u.Fragment, u.Opaque, u.String(), u.Hostname(), u.Port(), u.RequestURI())
		fmt.Println(u.Query())
	}
	v := url.Values{}
	v.Set("name", "Ava Smith")
	v.Add("friend", "Jess")
	v.Add("friend", "Sarah & Zoe")
	fmt.Println(v.Encode(), url.QueryEscape("a b/c?d"), url.PathEscape("a b/c?d"))
	base, _ := url.Parse("http://a/b/c/d;p?q")
	for _, r := range []string{"g", "./g", "../g", "../../g", "/g", "?y", "#s", "g?y#s", ".."} {
		u, _ := base.Parse(r)
		fmt.Println(r, "->", u)
	}
	_, err := url.ParseRequestURI("foo")
	fmt.Println(err)
	fmt.Println(url.JoinPath("https://x.org/a/", "b", "../c/"))
}
