package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"
	"time"
)

// hide replaces ephemeral addresses in s by names so the output is deterministic.
var names = map[string]string{}

func hide(s string) string {
	for a, n := range names {
		s = strings.ReplaceAll(s, a, n)
	}
	return s
}

func show(what string, err error) {
	if err == nil {
		fmt.Println(what+":", "<nil>")
		return
	}
	var ne net.Error
	isNe := errors.As(err, &ne)
	fmt.Printf("%s: %s | timeout=%v deadline=%v closed=%v eof=%v\n", what, hide(err.Error()),
		isNe && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, net.ErrClosed), err == io.EOF)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	names[ln.Addr().String()] = "SRV"
	accepted := make(chan net.Conn)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				show("accept after close", err)
				close(accepted)
				return
			}
			accepted <- c
		}
	}()
	dial := func(name string) (net.Conn, net.Conn) {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		names[c.LocalAddr().String()] = name
		return c, <-accepted
	}

	// 1. read deadline expiry on TCP
	c, s := dial("C1")
	c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	buf := make([]byte, 16)
	t0 := time.Now()
	_, err = c.Read(buf)
	show("read deadline", err)
	fmt.Println("waited at least 20ms:", time.Since(t0) >= 20*time.Millisecond)
	// a deadline in the past fails at once; clearing it lets the read succeed
	c.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	show("past deadline", err)
	c.SetReadDeadline(time.Time{})
	s.Write([]byte("late"))
	n, err := c.Read(buf)
	fmt.Printf("after clearing: %q %v\n", buf[:n], err)
	// a deadline that passes while a goroutine is blocked in Read wakes it
	done := make(chan error)
	go func() {
		_, err := c.Read(buf)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	c.SetDeadline(time.Now())
	show("deadline moved while blocked", <-done)
	c.SetDeadline(time.Time{})
	// write deadlines
	c.SetWriteDeadline(time.Now().Add(-time.Second))
	_, err = c.Write([]byte("x"))
	show("write past deadline", err)
	c.SetWriteDeadline(time.Time{})
	n, err = c.Write([]byte("ok"))
	fmt.Println("write after clearing:", n, err)
	n, _ = s.Read(buf)
	fmt.Printf("server got %q\n", buf[:n])

	// 2. read after the peer closed: io.EOF (after the data it sent)
	s.Write([]byte("bye"))
	s.Close()
	n, err = c.Read(buf)
	fmt.Printf("before EOF: %q %v\n", buf[:n], err)
	_, err = c.Read(buf)
	show("read after peer close", err)
	_, err = c.Read(buf)
	show("read again", err)

	// 3. reads, writes, deadlines and Close on a closed connection
	c.Close()
	_, err = c.Read(buf)
	show("read closed", err)
	_, err = c.Write([]byte("x"))
	show("write closed", err)
	show("close closed", c.Close())
	show("deadline closed", c.SetReadDeadline(time.Now()))

	// a Read blocked in another goroutine when its connection is closed
	c2, s2 := dial("C2")
	go func() {
		_, err := c2.Read(buf)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	c2.Close()
	show("blocked read, conn closed", <-done)
	_, err = s2.Read(buf)
	show("server side sees", err)
	s2.Close()

	// 4. connection refused: dial a port nobody listens on
	tmp, _ := net.Listen("tcp", "127.0.0.1:0")
	free := tmp.Addr().String()
	tmp.Close()
	names[free] = "FREE"
	_, err = net.Dial("tcp", free)
	show("dial closed port", err)
	var se *os.SyscallError
	fmt.Println("is ECONNREFUSED:", errors.Is(err, syscall.ECONNREFUSED), errors.As(err, &se) && se.Syscall == "connect")
	_, err = net.DialTimeout("tcp", free, time.Second)
	show("dial timeout closed port", err)

	// 5. address errors
	_, err = net.Dial("tcp", "127.0.0.1")
	show("no port", err)
	_, err = net.Dial("tcp", "127.0.0.1:70000")
	show("bad port", err)
	_, err = net.Dial("tcp", "[::1")
	show("bad bracket", err)
	_, err = net.Dial("bogus", "x:1")
	show("unknown network", err)
	_, err = net.Listen("tcp", ln.Addr().String())
	show("listen in use", err)

	// 6. Accept on a closed listener (the accept goroutine above reports it)
	ln.Close()
	<-accepted
	_, err = ln.Accept()
	show("accept again", err)
	show("close listener again", ln.Close())

	// 7. UDP read deadline
	u, _ := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	names[u.LocalAddr().String()] = "UDP"
	u.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	_, _, err = u.ReadFromUDP(buf)
	show("udp read deadline", err)
	u.Close()
	_, _, err = u.ReadFromUDP(buf)
	show("udp read closed", err)
}
