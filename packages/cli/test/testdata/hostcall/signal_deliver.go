// Signals delivered to a running program (driven by hostcall.e2e.test.ts,
// which sends the signals each "send" line names): Notify for SIGINT and
// SIGTERM, Ignore(SIGHUP), NotifyContext(SIGUSR1), Notify(SIGUSR2) on a
// second channel, syscall.Kill to itself, then Stop and Reset so that
// SIGTERM's default action ends the process (the shell sees 143).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	signal.Ignore(syscall.SIGHUP)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGINT))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGUSR1)
	defer stop()
	u := make(chan os.Signal, 4)
	signal.Notify(u, syscall.SIGUSR2)

	// a goroutine keeps ticking while main waits for signals
	ticks := 0
	go func() {
		for {
			time.Sleep(5 * time.Millisecond)
			ticks++
		}
	}()

	fmt.Println("send SIGHUP,SIGINT")
	s := <-c
	fmt.Printf("got %v (%T %d)\n", s, s, s)
	fmt.Println("send SIGTERM")
	fmt.Println("got", <-c)
	fmt.Println("send SIGUSR1")
	<-ctx.Done()
	fmt.Println("ctx done:", ctx.Err())
	fmt.Println("send SIGUSR2")
	fmt.Println("got", <-u)
	fmt.Println("ticker ran:", ticks > 0)
	// a signal the program sends itself
	fmt.Println("kill:", syscall.Kill(os.Getpid(), syscall.SIGUSR2))
	fmt.Println("got", <-u)
	signal.Stop(c)
	signal.Reset()
	fmt.Println("send SIGTERM")
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
