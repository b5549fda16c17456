// os/signal's API without delivering a signal (that needs `gort run` on a
// worker thread: packages/cli/test/hostcall.e2e.test.ts): syscall.Signal
// values and texts, Ignore/Ignored/Reset, Notify/Stop bookkeeping,
// NotifyContext's String, stop and parent cancellation, Notify(nil) panic.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	for _, s := range []os.Signal{os.Interrupt, os.Kill, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGQUIT, syscall.SIGPIPE, syscall.SIGCHLD, syscall.Signal(40)} {
		fmt.Printf("%v|%T|%d\n", s, s, s)
	}
	fmt.Println(syscall.SIGINT == os.Interrupt, os.Kill == syscall.SIGKILL)

	fmt.Println("ignored:", signal.Ignored(syscall.SIGHUP))
	signal.Ignore(syscall.SIGHUP, syscall.SIGUSR1)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGUSR1), signal.Ignored(syscall.SIGUSR2))
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP) // Notify after Ignore: caught again
	fmt.Println("ignored after Notify:", signal.Ignored(syscall.SIGHUP))
	signal.Reset(syscall.SIGUSR1)
	fmt.Println("ignored after Reset:", signal.Ignored(syscall.SIGUSR1))
	signal.Stop(c)
	signal.Stop(make(chan os.Signal)) // never registered: no-op
	signal.Reset()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	fmt.Println(ctx)
	fmt.Println(ctx.Err())
	stop()
	<-ctx.Done()
	fmt.Println(ctx.Err())

	parent, cancel := context.WithCancel(context.Background())
	ctx, stop = signal.NotifyContext(parent)
	cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err(), ctx)
	stop()

	defer func() { fmt.Println("recovered:", recover()) }()
	signal.Notify(nil, os.Interrupt)
}
