// gort standard library: package net

package net

import "strconv"

// IP is an IPv4 or IPv6 address: 4 or 16 bytes.
type IP []byte

// IPMask is an IP address mask.
type IPMask []byte

const (
	IPv4len = 4
	IPv6len = 16
)

var v4InV6Prefix = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}

// IPv4 returns the 16-byte form of the IPv4 address a.b.c.d.
func IPv4(a, b, c, d byte) IP {
	p := make(IP, IPv6len)
	copy(p, v4InV6Prefix)
	p[12], p[13], p[14], p[15] = a, b, c, d
	return p
}

var (
	IPv4bcast       = IPv4(255, 255, 255, 255)
	IPv4allsys      = IPv4(224, 0, 0, 1)
	IPv4allrouter   = IPv4(224, 0, 0, 2)
	IPv4zero        = IPv4(0, 0, 0, 0)
	IPv6zero        = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6unspecified = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6loopback    = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
)

// To4 returns the 4-byte form of an IPv4 address (nil when ip is not one).
func (ip IP) To4() IP {
	if len(ip) == IPv4len {
		return ip
	}
	if len(ip) == IPv6len {
		for i := 0; i < 10; i++ {
			if ip[i] != 0 {
				return nil
			}
		}
		if ip[10] == 0xff && ip[11] == 0xff {
			return ip[12:16]
		}
	}
	return nil
}

// To16 returns the 16-byte form.
func (ip IP) To16() IP {
	if len(ip) == IPv4len {
		return IPv4(ip[0], ip[1], ip[2], ip[3])
	}
	if len(ip) == IPv6len {
		return ip
	}
	return nil
}

// IsLoopback reports whether ip is a loopback address.
func (ip IP) IsLoopback() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 127
	}
	return ip.Equal(IPv6loopback)
}

// IsUnspecified reports whether ip is 0.0.0.0 or ::.
func (ip IP) IsUnspecified() bool { return ip.Equal(IPv4zero) || ip.Equal(IPv6unspecified) }

// Equal reports whether ip and x are the same address (an IPv4 address equals its IPv6 form).
func (ip IP) Equal(x IP) bool {
	if len(ip) == len(x) {
		for i := range ip {
			if ip[i] != x[i] {
				return false
			}
		}
		return true
	}
	a, b := ip.To16(), x.To16()
	if a == nil || b == nil {
		return false
	}
	return a.Equal(b)
}

// String is the dotted form of an IPv4 address, RFC 5952's form of an IPv6 one.
func (ip IP) String() string {
	if len(ip) == 0 {
		return "<nil>"
	}
	if p4 := ip.To4(); len(p4) == IPv4len {
		return strconv.Itoa(int(p4[0])) + "." + strconv.Itoa(int(p4[1])) + "." + strconv.Itoa(int(p4[2])) + "." + strconv.Itoa(int(p4[3]))
	}
	if len(ip) != IPv6len {
		const hexDigit = "0123456789abcdef"
		b := make([]byte, 0, 1+2*len(ip))
		b = append(b, '?')
		for _, x := range ip {
			b = append(b, hexDigit[x>>4], hexDigit[x&0xf])
		}
		return string(b)
	}
	// the longest run of zero groups (at least two) becomes "::"
	e0, e1 := -1, -1
	for i := 0; i < IPv6len; i += 2 {
		j := i
		for j < IPv6len && ip[j] == 0 && ip[j+1] == 0 {
			j += 2
		}
		if j > i && j-i > e1-e0 && j-i >= 4 {
			e0, e1 = i, j
		}
		if j > i {
			i = j - 2
		}
	}
	var b []byte
	for i := 0; i < IPv6len; i += 2 {
		if i == e0 {
			b = append(b, ':', ':')
			i = e1
			if i >= IPv6len {
				break
			}
		} else if i > 0 {
			b = append(b, ':')
		}
		b = strconv.AppendUint(b, uint64(ip[i])<<8|uint64(ip[i+1]), 16)
	}
	return string(b)
}

// MarshalText implements encoding.TextMarshaler.
func (ip IP) MarshalText() ([]byte, error) {
	if len(ip) == 0 {
		return []byte(""), nil
	}
	return []byte(ip.String()), nil
}

// ParseIP parses an IPv4 (dotted) or IPv6 address; nil when s is neither.
func ParseIP(s string) IP {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			return parseIPv4(s)
		case ':':
			return parseIPv6(s)
		}
	}
	return nil
}

func parseIPv4(s string) IP {
	var p [4]byte
	for i := 0; i < 4; i++ {
		if i > 0 {
			if s == "" || s[0] != '.' {
				return nil
			}
			s = s[1:]
		}
		n, k := 0, 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			if k > 0 && s[0] == '0' {
				return nil // no leading zeros
			}
			n = n*10 + int(s[k]-'0')
			if n > 255 {
				return nil
			}
			k++
		}
		if k == 0 {
			return nil
		}
		p[i] = byte(n)
		s = s[k:]
	}
	if s != "" {
		return nil
	}
	return IPv4(p[0], p[1], p[2], p[3])
}

func parseIPv6(s string) IP {
	ip := make(IP, IPv6len)
	ellipsis := -1
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		s = s[2:]
		if s == "" {
			return ip
		}
	}
	i := 0
	for i < IPv6len {
		n, k := 0, 0
		for k < len(s) && k < 4 {
			c := s[k]
			var d int
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case c >= 'a' && c <= 'f':
				d = int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				d = int(c-'A') + 10
			default:
				goto done
			}
			n = n<<4 | d
			k++
		}
	done:
		if k == 0 {
			return nil
		}
		if k < len(s) && s[k] == '.' {
			if ellipsis < 0 && i != IPv6len-IPv4len {
				return nil
			}
			if i+IPv4len > IPv6len {
				return nil
			}
			ip4 := parseIPv4(s)
			if ip4 == nil {
				return nil
			}
			copy(ip[i:], ip4[12:])
			i += IPv4len
			s = ""
			break
		}
		ip[i] = byte(n >> 8)
		ip[i+1] = byte(n)
		i += 2
		s = s[k:]
		if s == "" {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return nil
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return nil
			}
			ellipsis = i
			s = s[1:]
			if s == "" {
				break
			}
		}
	}
	if s != "" {
		return nil
	}
	if i < IPv6len {
		if ellipsis < 0 {
			return nil
		}
		n := IPv6len - i
		for j := i - 1; j >= ellipsis; j-- {
			ip[j+n] = ip[j]
		}
		for j := ellipsis + n - 1; j >= ellipsis; j-- {
			ip[j] = 0
		}
	} else if ellipsis >= 0 {
		return nil
	}
	return ip
}
