package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				fmt.Println("accept:", strings.Contains(err.Error(), "use of closed network connection"))
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				io.Copy(c, c)
			}(c)
		}
	}()
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(c, "hello %d\n", i)
		line, err := bufio.NewReader(c).ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		c.(*net.TCPConn).CloseWrite()
		c.Close()
	}
	// deadline
	c, _ := net.Dial("tcp", ln.Addr().String())
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	buf := make([]byte, 10)
	_, err = c.Read(buf)
	ne, ok := err.(net.Error)
	fmt.Println(ok && ne.Timeout(), strings.HasSuffix(err.Error(), "i/o timeout"))
	c.Close()
	_, err = c.Read(buf)
	fmt.Println(strings.HasSuffix(err.Error(), "use of closed network connection"))
	// refused
	_, err = net.Dial("tcp", "127.0.0.1:1")
	fmt.Println(err)
	fmt.Println(err)
	ln.Close()
	time.Sleep(10 * time.Millisecond)
}
