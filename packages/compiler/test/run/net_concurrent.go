package main

import (
	"bufio"
	"fmt"
	"net"
	"strconv"
	"sync"
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
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				w := bufio.NewWriter(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						w.Flush()
						return
					}
					n, _ := strconv.Atoi(line[:len(line)-1])
					fmt.Fprintf(w, "%d\n", n*2)
					if r.Buffered() == 0 {
						w.Flush()
					}
				}
			}(c)
		}
	}()
	var wg sync.WaitGroup
	sums := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				panic(err)
			}
			defer c.Close()
			r := bufio.NewReader(c)
			for j := 0; j < 50; j++ {
				fmt.Fprintf(c, "%d\n", i*1000+j)
				line, err := r.ReadString('\n')
				if err != nil {
					panic(err)
				}
				n, _ := strconv.Atoi(line[:len(line)-1])
				sums[i] += n
			}
		}(i)
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	fmt.Println("clients 5, lines 250, sum", total)
	// a big transfer in one direction, half-close, then the reply
	c, _ := net.Dial("tcp", ln.Addr().String())
	data := make([]byte, 0, 8<<10)
	for k := 0; len(data) < 8<<10; k++ {
		data = append(data, strconv.Itoa(k%1000)...)
		data = append(data, '\n')
	}
	go func() {
		c.Write(data)
		c.(*net.TCPConn).CloseWrite()
	}()
	r := bufio.NewReader(c)
	lines, sum := 0, 0
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break
		}
		n, _ := strconv.Atoi(line[:len(line)-1])
		sum += n
		lines++
	}
	fmt.Println("big transfer lines", lines, "sum", sum)
	ln.Close()
}
