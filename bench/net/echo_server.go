// A TCP echo server for bench/net.mjs: listens on the address in os.Args[1] (default
// 127.0.0.1:0; os.Args[2]: exit after that many seconds), prints "listening ADDR" and copies every connection's bytes back to it.
package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	addr := "127.0.0.1:0"
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("listening", ln.Addr())
	if len(os.Args) > 2 {
		// a run limit (profiling): exit after that many seconds
		secs, _ := strconv.Atoi(os.Args[2])
		time.AfterFunc(time.Duration(secs)*time.Second, func() { os.Exit(0) })
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		go func(c net.Conn) {
			defer c.Close()
			buf := make([]byte, 4096)
			for {
				n, err := c.Read(buf)
				if n > 0 {
					if _, werr := c.Write(buf[:n]); werr != nil {
						return
					}
				}
				if err != nil {
					if err != io.EOF {
						fmt.Fprintln(os.Stderr, "read:", err)
					}
					return
				}
			}
		}(c)
	}
}
