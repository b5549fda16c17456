// gort standard library: package time — locations (UTC, Local, fixed zones, zoneinfo files).

package time

import "errors"

// A Location maps instants to the zone in use there (name abbreviation and UTC offset).
type Location struct {
	name  string
	zones []zone
	tx    []zoneTrans // transitions, ascending
	// extend: the POSIX TZ rule for instants after the last transition ("" = the last zone)
	extend string
}

type zone struct {
	name   string
	offset int // seconds east of UTC
	isDST  bool
}

type zoneTrans struct {
	when  int64 // Unix seconds
	index uint8
}

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

var utcLoc = Location{name: "UTC"}

// Local is the system's local time zone: $TZ, else /etc/localtime.
var Local *Location = &localLoc

var localLoc Location
var localDone bool

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	if l == &localLoc && !localDone {
		localDone = true
		initLocal()
	}
	return l
}

// String returns the location's name.
func (l *Location) String() string { return l.get().name }

func readZoneFile(name string) (data []byte, errno int)
func lookupTZ() (tz string, ok bool)

var zoneDirs = []string{"/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/"}

func initLocal() {
	tz, ok := lookupTZ()
	if !ok {
		if z, err := loadFile("/etc/localtime", "Local"); err == nil {
			localLoc = *z
			localLoc.name = "Local"
			return
		}
	} else {
		if len(tz) > 0 && tz[0] == ':' {
			tz = tz[1:]
		}
		if tz != "" && tz[0] == '/' {
			if z, err := loadFile(tz, tz); err == nil {
				localLoc = *z
				localLoc.name = "Local"
				if tz == "/etc/localtime" {
					localLoc.name = "Local"
				}
				return
			}
		} else if tz != "" && tz != "UTC" {
			if z, err := loadLocation(tz); err == nil {
				localLoc = *z
				return
			}
		}
	}
	localLoc.name = "UTC"
}

// FixedZone returns a Location that always uses the given name and offset (seconds east of UTC).
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, zones: []zone{{name, offset, false}}, tx: []zoneTrans{{-1 << 63, 0}}}
}

var errLocation = errors.New("time: invalid location name")

// LoadLocation returns the Location with the given name ("UTC", "Local", or an IANA name such
// as "America/New_York" read from the system's zoneinfo files).
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	if containsDotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errLocation
	}
	return loadLocation(name)
}

func containsDotDot(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == '.' {
			return true
		}
	}
	return false
}

func loadLocation(name string) (*Location, error) {
	for _, dir := range zoneDirs {
		if z, err := loadFile(dir+name, name); err == nil {
			return z, nil
		}
	}
	return nil, errors.New("unknown time zone " + name)
}

func loadFile(path, name string) (*Location, error) {
	data, errno := readZoneFile(path)
	if errno != 0 {
		return nil, errors.New("open " + path)
	}
	return LoadLocationFromTZData(name, data)
}

var errBadData = errors.New("malformed time zone information")

type tzReader struct {
	b   []byte
	bad bool
}

func (r *tzReader) read(n int) []byte {
	if len(r.b) < n {
		r.bad = true
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *tzReader) be32() uint32 {
	p := r.read(4)
	if p == nil {
		return 0
	}
	return uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
}

func (r *tzReader) be64() uint64 {
	hi := r.be32()
	lo := r.be32()
	return uint64(hi)<<32 | uint64(lo)
}

// LoadLocationFromTZData returns a Location from a TZif file's contents.
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	r := &tzReader{b: data}
	if string(r.read(4)) != "TZif" {
		return nil, errBadData
	}
	v := r.read(16)
	if v == nil {
		return nil, errBadData
	}
	version := v[0]
	counts := func() [6]int {
		var c [6]int // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		for i := range c {
			c[i] = int(r.be32())
		}
		return c
	}
	c := counts()
	wide := false
	if version >= '2' {
		// skip the 32-bit body, then read the 64-bit one
		skip := c[3]*5 + c[4]*6 + c[5] + c[2]*8 + c[1] + c[0]
		r.read(skip)
		if string(r.read(4)) != "TZif" || r.read(16) == nil {
			return nil, errBadData
		}
		c = counts()
		wide = true
	}
	isutc, isstd, leap, ntx, ntypes, nchars := c[0], c[1], c[2], c[3], c[4], c[5]
	l := &Location{name: name}
	whens := make([]int64, ntx)
	for i := 0; i < ntx; i++ {
		if wide {
			whens[i] = int64(r.be64())
		} else {
			whens[i] = int64(int32(r.be32()))
		}
	}
	idx := r.read(ntx)
	for i := 0; i < ntypes; i++ {
		off := int32(r.be32())
		p := r.read(2)
		if p == nil {
			return nil, errBadData
		}
		l.zones = append(l.zones, zone{offset: int(off), isDST: p[0] != 0, name: string([]byte{p[1]})})
	}
	chars := r.read(nchars)
	if r.bad || chars == nil && nchars > 0 {
		return nil, errBadData
	}
	for i := range l.zones {
		k := int(l.zones[i].name[0])
		e := k
		for e < len(chars) && chars[e] != 0 {
			e++
		}
		if k > len(chars) {
			return nil, errBadData
		}
		l.zones[i].name = string(chars[k:e])
	}
	size := 4
	if wide {
		size = 8
	}
	r.read(leap * (size + 4))
	r.read(isstd)
	r.read(isutc)
	for i := 0; i < ntx; i++ {
		if int(idx[i]) >= len(l.zones) {
			return nil, errBadData
		}
		l.tx = append(l.tx, zoneTrans{whens[i], idx[i]})
	}
	if wide && len(r.b) > 2 && r.b[0] == '\n' {
		end := 1
		for end < len(r.b) && r.b[end] != '\n' {
			end++
		}
		l.extend = string(r.b[1:end])
	}
	if len(l.zones) == 0 {
		l.zones = []zone{{name: "UTC"}}
	}
	return l, nil
}

// lookup returns the zone in effect at Unix time sec.
func (l *Location) lookup(sec int64) (name string, offset int, isDST bool) {
	l = l.get()
	if len(l.zones) == 0 {
		return "UTC", 0, false
	}
	if len(l.tx) == 0 || sec < l.tx[0].when {
		z := &l.zones[l.firstZone()]
		return z.name, z.offset, z.isDST
	}
	lo, hi := 0, len(l.tx)
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if sec < l.tx[m].when {
			hi = m
		} else {
			lo = m
		}
	}
	if lo == len(l.tx)-1 && l.extend != "" {
		if n, o, d, ok := tzRule(l.extend, sec); ok {
			return n, o, d
		}
	}
	z := &l.zones[l.tx[lo].index]
	return z.name, z.offset, z.isDST
}

// firstZone is the zone before the first transition: the first standard-time zone.
func (l *Location) firstZone() int {
	if len(l.tx) > 0 && l.zones[l.tx[0].index].isDST {
		for i := range l.zones {
			if !l.zones[i].isDST {
				return i
			}
		}
	}
	return 0
}

// lookupName finds a zone abbreviation's offset valid near unix (Parse of "MST").
func (l *Location) lookupName(name string, unix int64) (offset int, ok bool) {
	l = l.get()
	for i := range l.zones {
		z := &l.zones[i]
		if z.name == name {
			n, off, _ := l.lookup(unix - int64(z.offset))
			if n == z.name {
				return off, true
			}
		}
	}
	for i := range l.zones {
		if l.zones[i].name == name {
			return l.zones[i].offset, true
		}
	}
	return
}

// ── POSIX TZ rules ("EST5EDT,M3.2.0,M11.1.0") for instants past the table ──

func tzRule(s string, sec int64) (name string, offset int, isDST bool, ok bool) {
	stdName, s, ok := tzName(s)
	if !ok {
		return
	}
	stdOff, s, ok := tzOffset(s)
	if !ok {
		return
	}
	stdOff = -stdOff
	if s == "" || s[0] == ',' {
		return stdName, stdOff, false, true
	}
	dstName, s, ok := tzName(s)
	if !ok {
		return
	}
	dstOff := stdOff + 3600
	if s != "" && s[0] != ',' {
		if dstOff, s, ok = tzOffset(s); !ok {
			return
		}
		dstOff = -dstOff
	}
	if s == "" || s[0] != ',' {
		return "", 0, false, false
	}
	s = s[1:]
	startRule, s, ok := tzRuleDate(s)
	if !ok || s == "" || s[0] != ',' {
		return "", 0, false, false
	}
	endRule, s, ok := tzRuleDate(s[1:])
	if !ok || s != "" {
		return "", 0, false, false
	}
	year, _, _ := civil(floorDiv(sec, 86400))
	ystart := unixOfYear(year)
	start := ystart + int64(startRule.dayOf(year))*86400 + int64(startRule.time) - int64(stdOff)
	end := ystart + int64(endRule.dayOf(year))*86400 + int64(endRule.time) - int64(dstOff)
	in := false
	if start < end {
		in = sec >= start && sec < end
	} else {
		in = !(sec >= end && sec < start)
	}
	if in {
		return dstName, dstOff, true, true
	}
	return stdName, stdOff, false, true
}

func tzName(s string) (string, string, bool) {
	if s == "" {
		return "", "", false
	}
	if s[0] == '<' {
		for i := 1; i < len(s); i++ {
			if s[i] == '>' {
				return s[1:i], s[i+1:], true
			}
		}
		return "", "", false
	}
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i < 3 {
		return "", "", false
	}
	return s[:i], s[i:], true
}

func tzNum(s string, max int) (int, string, bool) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
		if n > max {
			return 0, "", false
		}
	}
	if i == 0 {
		return 0, "", false
	}
	return n, s[i:], true
}

// tzOffset parses [+-]hh[:mm[:ss]] into seconds.
func tzOffset(s string) (int, string, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	h, s, ok := tzNum(s, 167)
	if !ok {
		return 0, "", false
	}
	off := h * 3600
	for _, mul := range []int{60, 1} {
		if s == "" || s[0] != ':' {
			break
		}
		var n int
		if n, s, ok = tzNum(s[1:], 59); !ok {
			return 0, "", false
		}
		off += n * mul
	}
	if neg {
		off = -off
	}
	return off, s, true
}

type ruleDate struct {
	kind       byte // 'J' julian no leap, 'D' day of year, 'M' month.week.day
	day, week  int
	mon        int
	time       int // seconds after midnight
}

func tzRuleDate(s string) (ruleDate, string, bool) {
	var r ruleDate
	var ok bool
	switch {
	case s != "" && s[0] == 'J':
		r.kind = 'J'
		if r.day, s, ok = tzNum(s[1:], 365); !ok || r.day < 1 {
			return r, "", false
		}
	case s != "" && s[0] == 'M':
		r.kind = 'M'
		if r.mon, s, ok = tzNum(s[1:], 12); !ok || r.mon < 1 || s == "" || s[0] != '.' {
			return r, "", false
		}
		if r.week, s, ok = tzNum(s[1:], 5); !ok || r.week < 1 || s == "" || s[0] != '.' {
			return r, "", false
		}
		if r.day, s, ok = tzNum(s[1:], 6); !ok {
			return r, "", false
		}
	default:
		r.kind = 'D'
		if r.day, s, ok = tzNum(s, 365); !ok {
			return r, "", false
		}
	}
	r.time = 2 * 3600
	if s != "" && s[0] == '/' {
		var t int
		if t, s, ok = tzOffset(s[1:]); !ok {
			return r, "", false
		}
		r.time = t
	}
	return r, s, true
}

// dayOf is the rule's day of year (0-based) in year.
func (r ruleDate) dayOf(year int) int {
	switch r.kind {
	case 'J':
		d := r.day - 1
		if isLeap(year) && d >= 59 {
			d++
		}
		return d
	case 'D':
		return r.day
	}
	// Mm.w.d: day d (0 = Sunday) of week w (5 = last) of month m
	first := daysBeforeMonth(year, r.mon)
	wdFirst := int((unixOfYear(year)/86400 + int64(first) + 4) % 7)
	if wdFirst < 0 {
		wdFirst += 7
	}
	d := (r.day - wdFirst + 7) % 7
	d += (r.week - 1) * 7
	dim := daysIn(Month(r.mon), year)
	for d >= dim {
		d -= 7
	}
	return first + d
}
