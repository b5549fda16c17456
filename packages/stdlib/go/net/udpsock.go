// gort standard library: package net

// UDP over gort's network poller: datagram sockets live on the host thread (node:dgram), each
// received datagram waits in its socket's queue (runtime/src/netpoll.ts) until a read takes it.

package net

import (
	"os"
	"syscall"
	"time"
)

// UDPAddr is the address of a UDP end point.
type UDPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *UDPAddr) Network() string { return "udp" }

func (a *UDPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return ipPortString(a.IP, a.Port, a.Zone)
}

// ResolveUDPAddr returns an address of a UDP end point ("udp", "udp4" or "udp6").
func ResolveUDPAddr(network, address string) (*UDPAddr, error) {
	switch network {
	case "udp", "udp4", "udp6":
	case "":
		network = "udp"
	default:
		return nil, UnknownNetworkError(network)
	}
	a, err := resolveTCP(network, address)
	if err != nil {
		return nil, err
	}
	return &UDPAddr{IP: a.IP, Port: a.Port, Zone: a.Zone}, nil
}

// PacketConn is a generic packet-oriented network connection.
type PacketConn interface {
	ReadFrom(p []byte) (n int, addr Addr, err error)
	WriteTo(p []byte, addr Addr) (n int, err error)
	Close() error
	LocalAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// ErrWriteToConnected is returned by WriteTo on a connected socket.
var ErrWriteToConnected = errorString("use of WriteTo with pre-connected connection")

var errMissingAddress = errorString("missing address")

// errorString is this package's plain error (Go's net keeps its own too).
type errorString string

func (e errorString) Error() string { return string(e) }

// UDPConn is a UDP socket, connected (DialUDP) or not (ListenUDP, ListenPacket).
type UDPConn struct{ conn }

func (c *UDPConn) readErr(err error) error {
	return &OpError{Op: "read", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: err}
}

// ReadFromUDP reads one datagram into b (a longer one is cut to len(b)) and returns its sender.
func (c *UDPConn) ReadFromUDP(b []byte) (int, *UDPAddr, error) {
	if !c.ok() {
		return 0, nil, c.readErr(ErrClosed)
	}
	n, from, errno := sysRecvFrom(c.id, b)
	if errno != 0 {
		return 0, nil, c.readErr(errnoErr("recvfrom", errno))
	}
	return n, parseAddr("udp", from).(*UDPAddr), nil
}

// ReadFrom implements PacketConn.
func (c *UDPConn) ReadFrom(b []byte) (int, Addr, error) {
	n, a, err := c.ReadFromUDP(b)
	if a == nil {
		return n, nil, err
	}
	return n, a, err
}

// Read reads the next datagram (from any sender on an unconnected socket).
func (c *UDPConn) Read(b []byte) (int, error) {
	n, _, err := c.ReadFromUDP(b)
	return n, err
}

// ReadMsgUDP reads a datagram; gort reports no out-of-band data, so oobn and flags are 0.
func (c *UDPConn) ReadMsgUDP(b, oob []byte) (n, oobn, flags int, addr *UDPAddr, err error) {
	n, addr, err = c.ReadFromUDP(b)
	return n, 0, 0, addr, err
}

func (c *UDPConn) send(b []byte, to *UDPAddr) (int, error) {
	var dst Addr = c.raddr
	if to != nil {
		dst = to
	}
	if !c.ok() {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: dst, Err: ErrClosed}
	}
	host, port := "", 0
	if to != nil {
		host, port = "127.0.0.1", to.Port
		if len(to.IP) != 0 && !to.IP.IsUnspecified() {
			host = to.IP.String()
		}
	}
	n, errno := sysSendTo(c.id, b, host, port)
	if errno != 0 {
		return n, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: dst, Err: errnoErr("sendto", errno)}
	}
	return n, nil
}

// Write sends b as one datagram to the connected peer.
func (c *UDPConn) Write(b []byte) (int, error) {
	if c.ok() && c.raddr == nil {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Err: os.NewSyscallError("write", syscall.EDESTADDRREQ)}
	}
	return c.send(b, nil)
}

// WriteToUDP sends b as one datagram to addr (the socket must not be connected).
func (c *UDPConn) WriteToUDP(b []byte, addr *UDPAddr) (int, error) {
	if !c.ok() {
		var dst Addr
		if addr != nil {
			dst = addr
		}
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: dst, Err: ErrClosed}
	}
	if c.raddr != nil {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrWriteToConnected}
	}
	if addr == nil {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Err: errMissingAddress}
	}
	return c.send(b, addr)
}

// WriteTo implements PacketConn: addr must be a *UDPAddr.
func (c *UDPConn) WriteTo(b []byte, addr Addr) (int, error) {
	if !c.ok() {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: addr, Err: ErrClosed}
	}
	a, ok := addr.(*UDPAddr)
	if !ok {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: addr, Err: syscall.EINVAL}
	}
	return c.WriteToUDP(b, a)
}

// WriteMsgUDP sends b to addr (or the connected peer); out-of-band data is not supported.
func (c *UDPConn) WriteMsgUDP(b, oob []byte, addr *UDPAddr) (n, oobn int, err error) {
	if addr == nil {
		n, err = c.Write(b)
	} else {
		n, err = c.WriteToUDP(b, addr)
	}
	return n, 0, err
}

// SetReadBuffer and SetWriteBuffer are accepted (the host's buffer sizes apply).
func (c *UDPConn) SetReadBuffer(bytes int) error  { return nil }
func (c *UDPConn) SetWriteBuffer(bytes int) error { return nil }

func udpHostPort(network string, a *UDPAddr) string {
	if a == nil || len(a.IP) == 0 {
		if network == "udp4" {
			return "0.0.0.0"
		}
		return ""
	}
	return a.IP.String()
}

func openUDP(op, network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	host, port := udpHostPort(network, laddr), 0
	if laddr != nil {
		port = laddr.Port
	}
	rhost, rport := "", 0
	if raddr != nil {
		rhost, rport = "127.0.0.1", raddr.Port
		if len(raddr.IP) != 0 && !raddr.IP.IsUnspecified() {
			rhost = raddr.IP.String()
		}
		if host == "" && raddr.IP.To4() != nil {
			host = "0.0.0.0" // an IPv4 peer: an IPv4 socket, as Go's dialer picks
		}
	}
	id, la, ra, errno := sysListenUDP(network, host, port, rhost, rport)
	if errno != 0 {
		var a Addr
		name := "bind"
		if op == "dial" {
			name = "connect"
			if raddr != nil {
				a = raddr
			}
		} else if laddr != nil {
			a = laddr
		}
		return nil, &OpError{Op: op, Net: network, Addr: a, Err: errnoErr(name, errno)}
	}
	c := &UDPConn{conn{id: id, net: network, laddr: parseAddr("udp", la)}}
	if ra != "" {
		c.raddr = parseAddr("udp", ra)
	}
	return c, nil
}

// ListenUDP opens an unconnected UDP socket on laddr (nil or port 0: any free port).
func ListenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddrOrNil(laddr), Err: UnknownNetworkError(network)}
	}
	return openUDP("listen", network, laddr, nil)
}

// DialUDP opens a UDP socket connected to raddr.
func DialUDP(network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Addr: laddrOrNil(raddr), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Err: errMissingAddress}
	}
	return openUDP("dial", network, laddr, raddr)
}

func laddrOrNil(a *UDPAddr) Addr {
	if a == nil {
		return nil
	}
	return a
}

// ListenPacket announces on a local packet address: network "udp", "udp4" or "udp6".
func ListenPacket(network, address string) (PacketConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
		a, err := ResolveUDPAddr(network, address)
		if err != nil {
			return nil, &OpError{Op: "listen", Net: network, Err: err}
		}
		return ListenUDP(network, a)
	}
	return nil, &OpError{Op: "listen", Net: network, Err: UnknownNetworkError(network)}
}

func dialUDP(network, address string) (Conn, error) {
	a, err := ResolveUDPAddr(network, address)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Err: err}
	}
	return DialUDP(network, nil, a)
}
