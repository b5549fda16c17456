package main

import (
	"bytes"
	"log"
	"os"
)

func main() {
	var b bytes.Buffer
	l := log.New(&b, "pfx: ", log.Lshortfile)
	l.Printf("hello %d", 42)
	l.Println("a", 1)
	l.SetFlags(log.Lmsgprefix)
	l.Print("msg")
	os.Stdout.WriteString(b.String())
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Println("std", log.Flags(), log.Prefix() == "")
	l2 := log.New(os.Stdout, "", log.LstdFlags)
	_ = l2
	defer func() { println("recovered:", recover().(string)) }()
	log.Panicf("boom %v", true)
}
