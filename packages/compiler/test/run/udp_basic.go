package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

// hide replaces the ephemeral ports in s by names so the output is deterministic.
var names = map[string]string{}

func hide(s string) string {
	for a, n := range names {
		s = strings.ReplaceAll(s, a, n)
	}
	return s
}

func main() {
	// ResolveUDPAddr
	for _, in := range []string{"127.0.0.1:53", "[::1]:80", ":0", "localhost:9", "1.2.3.4", "1.2.3.4:99999"} {
		a, err := net.ResolveUDPAddr("udp", in)
		if err != nil {
			fmt.Println("resolve", in, "error:", err)
			continue
		}
		fmt.Println("resolve", in, "->", a, a.Network(), a.Port, a.IP)
	}
	_, err := net.ResolveUDPAddr("tcp", "1.2.3.4:5")
	fmt.Println(err)

	// a server on ListenUDP, a client from DialUDP
	srv, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		panic(err)
	}
	saddr := srv.LocalAddr().(*net.UDPAddr)
	names[saddr.String()] = "SRV"
	fmt.Println("server", hide(saddr.String()), saddr.Network())
	cli, err := net.DialUDP("udp", nil, saddr)
	if err != nil {
		panic(err)
	}
	names[cli.LocalAddr().String()] = "CLI"
	fmt.Println("client", hide(cli.LocalAddr().String()), "->", hide(cli.RemoteAddr().String()))

	done := make(chan bool)
	go func() {
		buf := make([]byte, 64)
		for {
			n, from, err := srv.ReadFromUDP(buf)
			if err != nil {
				fmt.Println("server read:", hide(err.Error()), errors.Is(err, net.ErrClosed))
				done <- true
				return
			}
			// the server only answers (its prints would race with the client's, in Go too)
			reply := strings.ToUpper(string(buf[:n])) + " from " + from.String()
			if _, err := srv.WriteToUDP([]byte(reply), from); err != nil {
				fmt.Println("server write:", err)
			}
		}
	}()
	buf := make([]byte, 64)
	for i := 0; i < 3; i++ {
		msg := fmt.Sprintf("ping %d", i)
		n, err := cli.Write([]byte(msg))
		fmt.Println("client wrote", n, err)
		n, err = cli.Read(buf)
		fmt.Printf("client read %q %v\n", hide(string(buf[:n])), err)
	}
	// truncation: a datagram larger than the buffer
	cli.Write([]byte("0123456789abcdef"))
	small := make([]byte, 4)
	n, err := cli.Read(small)
	fmt.Printf("short read %d %q %v\n", n, small[:n], err)

	// read deadline on UDP
	cli.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	_, err = cli.Read(buf)
	fmt.Println(hide(err.Error()))
	var ne net.Error
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout())
	cli.SetReadDeadline(time.Time{})

	// WriteTo on a connected socket, Write on an unconnected one
	_, err = cli.WriteTo([]byte("x"), saddr)
	fmt.Println(hide(err.Error()))
	_, err = srv.Write([]byte("x"))
	fmt.Println(hide(err.Error()))

	// ListenPacket + ReadFrom/WriteTo
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	names[pc.LocalAddr().String()] = "PC"
	fmt.Printf("packet conn %T %s\n", pc, hide(pc.LocalAddr().String()))
	_, err = pc.WriteTo([]byte("hello from pc"), saddr)
	fmt.Println("pc wrote", err)
	n, from, err := pc.ReadFrom(buf)
	fmt.Printf("pc read %q from %s (%T) %v\n", hide(string(buf[:n])), hide(from.String()), from, err)

	// closing
	pc.Close()
	err = pc.Close()
	fmt.Println(hide(err.Error()))
	_, _, err = pc.ReadFrom(buf)
	fmt.Println(hide(err.Error()))
	_, err = pc.WriteTo([]byte("x"), saddr)
	fmt.Println(hide(err.Error()))
	cli.Close()
	_, err = cli.Write([]byte("x"))
	fmt.Println(hide(err.Error()))
	srv.Close()
	<-done

	// errors from Listen/Dial
	_, err = net.ListenPacket("udp", "127.0.0.1:99999")
	fmt.Println(err)
	_, err = net.DialUDP("udp", nil, nil)
	fmt.Println(err)
	_, err = net.Dial("udp", "nohost")
	fmt.Println(err)
	c2, err := net.Dial("udp", "127.0.0.1:9")
	fmt.Printf("%T %v %s\n", c2, err, c2.RemoteAddr())
	c2.Close()
}
