// gort standard library: package net

// Package net: TCP and Unix stream sockets over gort's network poller (runtime/src/netpoll.ts),
// with Go's types, addresses and error texts. gort's own implementation.
package net

import (
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"syscall"
	"time"
)

// Addr is a network end point address.
type Addr interface {
	Network() string
	String() string
}

// Conn is a generic stream-oriented network connection.
type Conn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() Addr
	RemoteAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// Listener is a generic network listener for stream-oriented protocols.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// Error is a network error.
type Error interface {
	error
	Timeout() bool
	Temporary() bool
}

// ErrClosed is returned by operations on a closed connection or listener.
var ErrClosed error = errClosed{}

type errClosed struct{}

func (errClosed) Error() string        { return "use of closed network connection" }
func (errClosed) Timeout() bool        { return false }
func (errClosed) Temporary() bool      { return false }
func (errClosed) Is(target error) bool { return target == os.ErrClosed }

// OpError is the error type returned by the functions of this package.
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Unwrap() error { return e.Err }

func (e *OpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Op
	if e.Net != "" {
		s += " " + e.Net
	}
	if e.Source != nil {
		s += " " + e.Source.String()
	}
	if e.Addr != nil {
		if e.Source != nil {
			s += "->"
		} else {
			s += " "
		}
		s += e.Addr.String()
	}
	s += ": " + e.Err.Error()
	return s
}

func (e *OpError) Timeout() bool {
	if ne, ok := e.Err.(*os.SyscallError); ok {
		t, ok := ne.Err.(interface{ Timeout() bool })
		return ok && t.Timeout()
	}
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

func (e *OpError) Temporary() bool {
	if e.Op == "accept" && isConnError(e.Err) {
		return true
	}
	if ne, ok := e.Err.(*os.SyscallError); ok {
		t, ok := ne.Err.(interface{ Temporary() bool })
		return ok && t.Temporary()
	}
	t, ok := e.Err.(interface{ Temporary() bool })
	return ok && t.Temporary()
}

func isConnError(err error) bool {
	if se, ok := err.(syscall.Errno); ok {
		return se == syscall.ECONNRESET || se == syscall.ECONNABORTED
	}
	return false
}

// AddrError is a malformed address.
type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Err
	if e.Addr != "" {
		s = "address " + e.Addr + ": " + s
	}
	return s
}
func (e *AddrError) Timeout() bool   { return false }
func (e *AddrError) Temporary() bool { return false }

// UnknownNetworkError is a network name this package does not know.
type UnknownNetworkError string

func (e UnknownNetworkError) Error() string   { return "unknown network " + string(e) }
func (e UnknownNetworkError) Timeout() bool   { return false }
func (e UnknownNetworkError) Temporary() bool { return false }

// DNSError is a failed lookup.
type DNSError struct {
	Err         string
	Name        string
	Server      string
	IsTimeout   bool
	IsTemporary bool
	IsNotFound  bool
}

func (e *DNSError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := "lookup " + e.Name
	if e.Server != "" {
		s += " on " + e.Server
	}
	s += ": " + e.Err
	return s
}
func (e *DNSError) Timeout() bool   { return e.IsTimeout }
func (e *DNSError) Temporary() bool { return e.IsTimeout || e.IsTemporary }

// errnoErr turns a native's errno into the error Go's netFD would return for op.
func errnoErr(syscallName string, errno int) error {
	switch errno {
	case 0:
		return nil
	case eTimeout:
		return os.ErrDeadlineExceeded
	case eClosed:
		return ErrClosed
	}
	return os.NewSyscallError(syscallName, syscall.Errno(errno))
}

// ── addresses ──

// TCPAddr is the address of a TCP end point.
type TCPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *TCPAddr) Network() string { return "tcp" }

func (a *TCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return ipPortString(a.IP, a.Port, a.Zone)
}

// ipPortString formats an IP end point as TCPAddr and UDPAddr print it:
// "host:port", "[v6]:port", with "%zone" after an IPv6 address's host.
func ipPortString(ip IP, port int, zone string) string {
	host := ""
	if len(ip) != 0 {
		host = ip.String()
	}
	if zone != "" {
		return JoinHostPort(host+"%"+zone, strconv.Itoa(port))
	}
	return JoinHostPort(host, strconv.Itoa(port))
}

// UnixAddr is the address of a Unix domain socket.
type UnixAddr struct {
	Name string
	Net  string
}

func (a *UnixAddr) Network() string { return a.Net }
func (a *UnixAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return a.Name
}

// SplitHostPort splits "host:port", "[host]:port" or "[host%zone]:port".
func SplitHostPort(hostport string) (host, port string, err error) {
	const (
		missingPort   = "missing port in address"
		tooManyColons = "too many colons in address"
	)
	addrErr := func(addr, why string) (host, port string, err error) {
		return "", "", &AddrError{Err: why, Addr: addr}
	}
	i := last(hostport, ':')
	if i < 0 {
		return addrErr(hostport, missingPort)
	}
	if hostport[0] == '[' {
		end := byteIndex(hostport, ']')
		if end < 0 {
			return addrErr(hostport, "missing ']' in address")
		}
		switch end + 1 {
		case len(hostport):
			return addrErr(hostport, missingPort)
		case i:
		default:
			if hostport[end+1] == ':' {
				return addrErr(hostport, tooManyColons)
			}
			return addrErr(hostport, missingPort)
		}
		host = hostport[1:end]
		if byteIndex(hostport[1:], '[') >= 0 {
			return addrErr(hostport, "unexpected '[' in address")
		}
		if byteIndex(hostport[end+1:], ']') >= 0 {
			return addrErr(hostport, "unexpected ']' in address")
		}
	} else {
		host = hostport[:i]
		if byteIndex(host, ':') >= 0 {
			return addrErr(hostport, tooManyColons)
		}
		if byteIndex(hostport, '[') >= 0 {
			return addrErr(hostport, "unexpected '[' in address")
		}
		if byteIndex(hostport, ']') >= 0 {
			return addrErr(hostport, "unexpected ']' in address")
		}
	}
	return host, hostport[i+1:], nil
}

// JoinHostPort combines host and port into "host:port" ("[host]:port" when host has a colon).
func JoinHostPort(host, port string) string {
	if byteIndex(host, ':') >= 0 {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

func last(s string, b byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == b {
			return i
		}
	}
	return -1
}

func byteIndex(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

var services = map[string]int{"http": 80, "https": 443, "ftp": 21, "ssh": 22, "smtp": 25, "domain": 53, "telnet": 23}

func parsePort(network, service string) (int, error) {
	if service == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(service)
	if err == nil {
		if n < 0 || n > 65535 {
			return 0, &AddrError{Err: "invalid port", Addr: service}
		}
		return n, nil
	}
	if p, ok := services[service]; ok {
		return p, nil
	}
	return 0, &DNSError{Err: "unknown port", Name: network + "/" + service}
}

// LookupHost returns the addresses of host.
func LookupHost(host string) (addrs []string, err error) {
	if host == "" {
		return nil, &DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	if ip := ParseIP(host); ip != nil {
		return []string{host}, nil
	}
	s, errno := sysLookup(host)
	if errno == eNoHost {
		return nil, &DNSError{Err: "no such host", Name: host, Server: dnsServer(), IsNotFound: true}
	}
	if errno != 0 {
		return nil, &DNSError{Err: syscall.Errno(errno).Error(), Name: host}
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			if i > start {
				addrs = append(addrs, s[start:i])
			}
			start = i + 1
		}
	}
	return addrs, nil
}

// dnsServer is the first name server of /etc/resolv.conf as "ip:53" (Go names the server it
// asked in lookup errors); "" when there is none.
func dnsServer() string {
	data, err := os.ReadFile("/etc/resolv.conf")
	if err != nil {
		return ""
	}
	line := ""
	for i := 0; i <= len(data); i++ {
		if i < len(data) && data[i] != '\n' {
			continue
		}
		line, data = string(data[:i]), data[i:]
		if len(data) > 0 {
			data = data[1:]
		}
		i = -1
		f := fields(line)
		if len(f) >= 2 && f[0] == "nameserver" {
			return JoinHostPort(f[1], "53")
		}
		if len(data) == 0 {
			break
		}
	}
	return ""
}

func fields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == '\r' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// LookupIP returns the IP addresses of host.
func LookupIP(host string) ([]IP, error) {
	addrs, err := LookupHost(host)
	if err != nil {
		return nil, err
	}
	var ips []IP
	for _, a := range addrs {
		if ip := ParseIP(a); ip != nil {
			ips = append(ips, ip)
		}
	}
	return ips, nil
}

// resolve turns "host:port" into a TCP address (the first IPv4 address of a name, as Go's
// dialer tries first).
func resolveTCP(network, address string) (*TCPAddr, error) {
	host, port, err := SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	p, err := parsePort(network, port)
	if err != nil {
		return nil, err
	}
	if host == "" {
		return &TCPAddr{Port: p}, nil
	}
	if ip := ParseIP(host); ip != nil {
		return &TCPAddr{IP: ip, Port: p}, nil
	}
	ips, err := LookupIP(host)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if ip.To4() != nil {
			return &TCPAddr{IP: ip, Port: p}, nil
		}
	}
	if len(ips) == 0 {
		return nil, &DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return &TCPAddr{IP: ips[0], Port: p}, nil
}

// ResolveTCPAddr returns an address of a TCP end point ("tcp", "tcp4" or "tcp6").
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	case "":
		network = "tcp"
	default:
		return nil, UnknownNetworkError(network)
	}
	return resolveTCP(network, address)
}

// ResolveUnixAddr returns the address of a Unix domain socket ("unix").
func ResolveUnixAddr(network, address string) (*UnixAddr, error) {
	if network != "unix" {
		return nil, UnknownNetworkError(network)
	}
	return &UnixAddr{Name: address, Net: network}, nil
}

// parseAddr turns the host's "ip:port" text (or a socket path) into an Addr.
func parseAddr(network, s string) Addr {
	if network == "unix" {
		return &UnixAddr{Name: s, Net: "unix"}
	}
	host, port, err := SplitHostPort(s)
	if err != nil {
		return &TCPAddr{}
	}
	p, _ := strconv.Atoi(port)
	ip := ParseIP(host)
	if ip4 := ip.To4(); ip4 != nil && byteIndex(host, ':') < 0 {
		ip = ip4
	}
	if network == "udp" {
		return &UDPAddr{IP: ip, Port: p}
	}
	return &TCPAddr{IP: ip, Port: p}
}

// ── connections ──

type conn struct {
	id     int
	net    string
	laddr  Addr
	raddr  Addr
	closed bool
}

func (c *conn) ok() bool { return c != nil && !c.closed }

func (c *conn) Read(b []byte) (int, error) {
	if !c.ok() {
		return 0, &OpError{Op: "read", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrClosed}
	}
	n, eof, errno := sysRead(c.id, b)
	if errno != 0 {
		return n, &OpError{Op: "read", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: errnoErr("read", errno)}
	}
	if eof && len(b) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (c *conn) Write(b []byte) (int, error) {
	if !c.ok() {
		return 0, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrClosed}
	}
	n, errno := sysWrite(c.id, b)
	if errno != 0 {
		return n, &OpError{Op: "write", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: errnoErr("write", errno)}
	}
	return n, nil
}

func (c *conn) Close() error {
	if !c.ok() {
		return &OpError{Op: "close", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrClosed}
	}
	c.closed = true
	sysClose(c.id)
	return nil
}

func (c *conn) LocalAddr() Addr  { return c.laddr }
func (c *conn) RemoteAddr() Addr { return c.raddr }

func deadlineNs(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	d := time.Until(t)
	if d <= 0 {
		return 1 // already passed
	}
	return sysNanotime() + int64(d)
}

func (c *conn) setDeadline(mode int, t time.Time) error {
	if !c.ok() {
		return &OpError{Op: "set", Net: c.net, Addr: c.laddr, Err: ErrClosed}
	}
	sysSetDeadline(c.id, mode, deadlineNs(t))
	return nil
}

func (c *conn) SetDeadline(t time.Time) error      { return c.setDeadline('r'+'w', t) }
func (c *conn) SetReadDeadline(t time.Time) error  { return c.setDeadline('r', t) }
func (c *conn) SetWriteDeadline(t time.Time) error { return c.setDeadline('w', t) }

// TCPConn is a TCP connection.
type TCPConn struct{ conn }

// CloseWrite shuts down the writing side (the peer reads EOF).
func (c *TCPConn) CloseWrite() error {
	if !c.ok() {
		return &OpError{Op: "close", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrClosed}
	}
	sysCloseWrite(c.id)
	return nil
}

// CloseRead is accepted and does nothing more than Go's on a half-closed socket.
func (c *TCPConn) CloseRead() error {
	if !c.ok() {
		return &OpError{Op: "close", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrClosed}
	}
	return nil
}

// SetNoDelay, SetKeepAlive and SetKeepAlivePeriod are accepted (the host's defaults apply).
func (c *TCPConn) SetNoDelay(noDelay bool) error            { return nil }
func (c *TCPConn) SetKeepAlive(keepalive bool) error        { return nil }
func (c *TCPConn) SetKeepAlivePeriod(d time.Duration) error { return nil }
func (c *TCPConn) SetLinger(sec int) error                  { return nil }
func (c *TCPConn) ReadFrom(r io.Reader) (int64, error)      { return genericReadFrom(c, r) }
func (c *TCPConn) SetReadBuffer(bytes int) error            { return nil }
func (c *TCPConn) SetWriteBuffer(bytes int) error           { return nil }

func genericReadFrom(w io.Writer, r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{w}, r)
}

// UnixConn is a Unix domain socket connection.
type UnixConn struct{ conn }

// CloseWrite shuts down the writing side.
func (c *UnixConn) CloseWrite() error {
	if !c.ok() {
		return &OpError{Op: "close", Net: c.net, Source: c.laddr, Addr: c.raddr, Err: ErrClosed}
	}
	sysCloseWrite(c.id)
	return nil
}

// ── listeners ──

type listener struct {
	id     int
	net    string
	addr   Addr
	closed bool
}

func (l *listener) accept() (*conn, error) {
	if l == nil || l.closed {
		return nil, &OpError{Op: "accept", Net: l.net, Addr: l.addr, Err: ErrClosed}
	}
	cid, la, ra, errno := sysAccept(l.id)
	if errno != 0 {
		return nil, &OpError{Op: "accept", Net: l.net, Addr: l.addr, Err: errnoErr("accept", errno)}
	}
	c := &conn{id: cid, net: l.net, laddr: parseAddr(l.net, la), raddr: parseAddr(l.net, ra)}
	if l.net == "unix" {
		c.raddr = nil
	}
	return c, nil
}

func (l *listener) close() error {
	if l == nil || l.closed {
		return &OpError{Op: "close", Net: l.net, Addr: l.addr, Err: ErrClosed}
	}
	l.closed = true
	sysClose(l.id)
	return nil
}

// TCPListener is a TCP listener.
type TCPListener struct{ l listener }

func (l *TCPListener) Accept() (Conn, error) {
	c, err := l.l.accept()
	if err != nil {
		return nil, err
	}
	return &TCPConn{*c}, nil
}

// AcceptTCP accepts the next connection.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	c, err := l.l.accept()
	if err != nil {
		return nil, err
	}
	return &TCPConn{*c}, nil
}

func (l *TCPListener) Close() error { return l.l.close() }
func (l *TCPListener) Addr() Addr   { return l.l.addr }

// SetDeadline sets the deadline for Accept.
func (l *TCPListener) SetDeadline(t time.Time) error {
	if l.l.closed {
		return &OpError{Op: "set", Net: l.l.net, Addr: l.l.addr, Err: ErrClosed}
	}
	sysSetDeadline(l.l.id, 'r', deadlineNs(t))
	return nil
}

// UnixListener is a Unix domain socket listener.
type UnixListener struct{ l listener }

func (l *UnixListener) Accept() (Conn, error) {
	c, err := l.l.accept()
	if err != nil {
		return nil, err
	}
	return &UnixConn{*c}, nil
}
func (l *UnixListener) Close() error { return l.l.close() }
func (l *UnixListener) Addr() Addr   { return l.l.addr }

// ── Listen and Dial ──

// Listen announces on the local address: network "tcp", "tcp4", "tcp6" or "unix".
func Listen(network, address string) (Listener, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
		a, err := resolveTCP(network, address)
		if err != nil {
			return nil, &OpError{Op: "listen", Net: network, Err: err}
		}
		return ListenTCP(network, a)
	case "unix":
		return ListenUnix(network, &UnixAddr{Name: address, Net: network})
	}
	return nil, &OpError{Op: "listen", Net: network, Err: UnknownNetworkError(network)}
}

// ListenTCP announces on a TCP address (port 0: a free port).
func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	if laddr == nil {
		laddr = &TCPAddr{}
	}
	host := ""
	if len(laddr.IP) != 0 {
		host = laddr.IP.String()
	} else if network == "tcp4" {
		host = "0.0.0.0"
	}
	id, la, errno := sysListen(network, host, laddr.Port, "")
	if errno != 0 {
		return nil, &OpError{Op: "listen", Net: network, Addr: laddr, Err: errnoErr("bind", errno)}
	}
	return &TCPListener{listener{id: id, net: network, addr: parseAddr("tcp", la)}}, nil
}

// ListenUnix announces on a Unix domain socket path.
func ListenUnix(network string, laddr *UnixAddr) (*UnixListener, error) {
	if network != "unix" {
		return nil, &OpError{Op: "listen", Net: network, Err: UnknownNetworkError(network)}
	}
	id, _, errno := sysListen(network, "", 0, laddr.Name)
	if errno != 0 {
		return nil, &OpError{Op: "listen", Net: network, Addr: laddr, Err: errnoErr("bind", errno)}
	}
	return &UnixListener{listener{id: id, net: network, addr: laddr}}, nil
}

// Dialer holds options for connecting.
type Dialer struct {
	Timeout   time.Duration
	Deadline  time.Time
	KeepAlive time.Duration
	LocalAddr Addr
}

// Dial connects to the address on the named network.
func Dial(network, address string) (Conn, error) {
	var d Dialer
	return d.Dial(network, address)
}

// DialTimeout is Dial with a timeout.
func DialTimeout(network, address string, timeout time.Duration) (Conn, error) {
	d := Dialer{Timeout: timeout}
	return d.Dial(network, address)
}

func (d *Dialer) deadline() time.Time {
	dl := d.Deadline
	if d.Timeout > 0 {
		t := time.Now().Add(d.Timeout)
		if dl.IsZero() || t.Before(dl) {
			dl = t
		}
	}
	return dl
}

// DialContext connects, giving up when ctx is done before the connection is made.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (Conn, error) {
	if dl, ok := ctx.Deadline(); ok {
		d2 := *d
		if d2.Deadline.IsZero() || dl.Before(d2.Deadline) {
			d2.Deadline = dl
		}
		return d2.Dial(network, address)
	}
	return d.Dial(network, address)
}

// Dial connects to the address on the named network.
func (d *Dialer) Dial(network, address string) (Conn, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
		a, err := resolveTCP(network, address)
		if err != nil {
			return nil, &OpError{Op: "dial", Net: network, Err: err}
		}
		return dialTCP(network, a, d.deadline())
	case "unix":
		return dialUnix(&UnixAddr{Name: address, Net: network}, d.deadline())
	case "udp", "udp4", "udp6":
		return dialUDP(network, address)
	}
	return nil, &OpError{Op: "dial", Net: network, Err: UnknownNetworkError(network)}
}

// DialTCP connects to a TCP address.
func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error) {
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Err: errors.New("missing address")}
	}
	return dialTCP(network, raddr, time.Time{})
}

func dialTCP(network string, raddr *TCPAddr, deadline time.Time) (*TCPConn, error) {
	host := "127.0.0.1"
	if len(raddr.IP) != 0 && !raddr.IP.IsUnspecified() {
		host = raddr.IP.String()
	}
	id, la, ra, errno := sysDial(network, host, raddr.Port, "", deadlineNs(deadline))
	if errno != 0 {
		return nil, &OpError{Op: "dial", Net: network, Addr: raddr, Err: errnoErr("connect", errno)}
	}
	return &TCPConn{conn{id: id, net: network, laddr: parseAddr("tcp", la), raddr: parseAddr("tcp", ra)}}, nil
}

// DialUnix connects to a Unix domain socket.
func DialUnix(network string, laddr, raddr *UnixAddr) (*UnixConn, error) {
	return dialUnix(raddr, time.Time{})
}

func dialUnix(raddr *UnixAddr, deadline time.Time) (*UnixConn, error) {
	id, _, _, errno := sysDial("unix", "", 0, raddr.Name, deadlineNs(deadline))
	if errno != 0 {
		return nil, &OpError{Op: "dial", Net: "unix", Addr: raddr, Err: errnoErr("connect", errno)}
	}
	return &UnixConn{conn{id: id, net: "unix", raddr: raddr}}, nil
}
