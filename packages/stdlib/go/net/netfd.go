// gort standard library: package net — the natives (runtime/src/netpoll.ts). Sockets live on
// gort's host thread; these calls park the goroutine ("IO wait") until the socket is ready.

package net

// sysListen starts listening; laddr is the bound address ("[::]:34567", a socket path).
func sysListen(network, host string, port int, path string) (id int, laddr string, errno int)

// sysDial connects (deadline: monotonic ns, 0 = none).
func sysDial(network, host string, port int, path string, deadline int64) (id int, laddr, raddr string, errno int)

// sysAccept waits for the next connection of a listener.
func sysAccept(id int) (cid int, laddr, raddr string, errno int)

// sysRead reads what has arrived (waiting when nothing has); eof at the end of the stream.
func sysRead(id int, b []byte) (n int, eof bool, errno int)

// sysWrite returns once the host took all of b.
func sysWrite(id int, b []byte) (n int, errno int)

func sysClose(id int) (errno int)
func sysCloseWrite(id int) (errno int)

// sysSetDeadline sets the read ('r'), write ('w') or both ('r'+'w') deadlines (0: none).
func sysSetDeadline(id int, mode int, ns int64) (errno int)

// sysNanotime is the clock deadlines use.
func sysNanotime() int64

// sysLookup resolves a host name: addresses separated by newlines.
func sysLookup(host string) (addrs string, errno int)

// sysListenUDP opens a datagram socket bound to host:port (port 0: any free port) and, when
// rport > 0, connected to rhost:rport; laddr and raddr are the host's "ip:port" texts.
func sysListenUDP(network, host string, port int, rhost string, rport int) (id int, laddr, raddr string, errno int)

// sysRecvFrom waits for the next datagram, copies what fits in b (the rest is dropped, as
// recvfrom does) and names its sender ("ip:port").
func sysRecvFrom(id int, b []byte) (n int, from string, errno int)

// sysSendTo sends b as one datagram to host:port (host "" and port 0: the connected peer).
func sysSendTo(id int, b []byte, host string, port int) (n int, errno int)

// gort's own errno values (netpoll.ts)
const (
	eTimeout = -2
	eClosed  = -3
	eNoHost  = -4
)
