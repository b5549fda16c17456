// gort standard library: package time — the calendar (proleptic Gregorian), broken-down times.

package time

import "errors"

// A Month specifies a month of the year (January = 1).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var shortMonthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// String returns the English name of the month ("January").
func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + itoa(int(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var shortDayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// String returns the English name of the day ("Sunday").
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + itoa(int(d)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	var b [24]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(m Month, y int) int {
	if m == February {
		if isLeap(y) {
			return 29
		}
		return 28
	}
	return 30 + int((m+m/8)&1)
}

// daysBeforeMonth is the 0-based day of year of the first of month m.
func daysBeforeMonth(y, m int) int {
	d := 0
	for i := 1; i < m; i++ {
		d += daysIn(Month(i), y)
	}
	return d
}

// civil converts days since 1970-01-01 to a date.
func civil(days int64) (year int, month Month, day int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

// daysFromCivil converts a date (any month/day values, normalised) to days since 1970-01-01.
func daysFromCivil(y int64, m int64, d int64) int64 {
	// normalise the month into [1, 12]
	m--
	y += floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	m++
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func unixOfYear(y int) int64 { return daysFromCivil(int64(y), 1, 1) * 86400 }

// abs returns t's Unix seconds shifted into its zone, and the zone.
func (t Time) abs() (local int64, name string, offset int) {
	unix := t.sec - unixToInternal
	name, offset, _ = t.loc.lookup(unix)
	return unix + int64(offset), name, offset
}

// Date returns the year, month and day of t in its location.
func (t Time) Date() (year int, month Month, day int) {
	l, _, _ := t.abs()
	return civil(floorDiv(l, 86400))
}

func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// Weekday returns the day of the week of t.
func (t Time) Weekday() Weekday {
	l, _, _ := t.abs()
	return Weekday((floorDiv(l, 86400)%7 + 11) % 7)
}

// YearDay returns the day of the year of t, [1, 366].
func (t Time) YearDay() int {
	y, m, d := t.Date()
	return daysBeforeMonth(y, int(m)) + d
}

// Clock returns the hour, minute and second of t.
func (t Time) Clock() (hour, min, sec int) {
	l, _, _ := t.abs()
	s := l - floorDiv(l, 86400)*86400
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}
func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}
func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// ISOWeek returns the ISO 8601 year and week number of t.
func (t Time) ISOWeek() (year, week int) {
	// the Thursday of t's week decides the year
	wd := int(t.Weekday()+6) % 7 // Monday = 0
	th := t.AddDate(0, 0, 3-wd)
	y := th.Year()
	return y, (th.YearDay()-1)/7 + 1
}

// Location returns t's location (UTC for the zero Time).
func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

// Zone returns the zone abbreviation and offset (seconds east of UTC) in effect at t.
func (t Time) Zone() (name string, offset int) {
	_, name, offset = t.abs()
	return
}

// UTC returns t in UTC.
func (t Time) UTC() Time {
	t.loc = nil
	return t
}

// Local returns t in the local time zone.
func (t Time) Local() Time {
	t.loc = Local
	return t
}

// In returns t in loc; it panics on a nil loc.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	if loc == &utcLoc {
		loc = nil
	}
	t.loc = loc
	return t
}

// Round returns t stripped of its monotonic reading (Go: Round(0)) or rounded to a multiple of d.
func (t Time) Round(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	r := t.mod(d)
	if r+r < d {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

// Truncate returns t rounded down to a multiple of d since the zero time.
func (t Time) Truncate(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	return t.Add(-t.mod(d))
}

// mod is t's remainder modulo d since the zero Time.
func (t Time) mod(d Duration) Duration {
	m := uint64(d)
	if m%uint64(Second) == 0 {
		return Duration(uint64(t.sec)%(m/uint64(Second)))*Second + Duration(t.nsec)
	}
	// (sec·1e9 + nsec) mod d without overflow: sec mod d times 1e9 by doubling
	a := uint64(t.sec) % m
	b := uint64(Second)
	r := uint64(0)
	for b > 0 {
		if b&1 != 0 {
			r = (r + a) % m
		}
		a = (a + a) % m
		b >>= 1
	}
	return Duration((r + uint64(t.nsec)) % m)
}

// Date returns the Time of yyyy-mm-dd hh:mm:ss + nsec in loc (values outside their ranges
// are normalised: October 32 is November 1). It panics on a nil loc.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	s := int64(sec) + int64(nsec)/1e9
	ns := int64(nsec) % 1e9
	if ns < 0 {
		ns += 1e9
		s--
	}
	days := daysFromCivil(int64(year), int64(month), int64(day))
	unix := days*86400 + int64(hour)*3600 + int64(min)*60 + s
	// the zone's offset at that wall time (try the offset in effect just before and after)
	_, off, _ := loc.lookup(unix)
	u := unix - int64(off)
	if _, off2, _ := loc.lookup(u); off2 != off {
		u2 := unix - int64(off2)
		if _, off3, _ := loc.lookup(u2); off3 == off2 {
			u = u2
		}
	}
	t := Time{sec: u + unixToInternal, nsec: int32(ns), loc: loc}
	if loc == &utcLoc {
		t.loc = nil
	}
	return t
}

// AddDate adds years, months and days (normalised as Date does).
func (t Time) AddDate(years int, months int, days int) Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return Date(y+years, m+Month(months), d+days, h, mi, s, int(t.nsec), t.Location())
}

var errNotImplemented = errors.New("time: not implemented")

// MarshalText formats t as RFC 3339 with nanoseconds.
func (t Time) MarshalText() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalText: year outside of range [0,9999]")
	}
	return []byte(t.Format(RFC3339Nano)), nil
}

// UnmarshalText parses RFC 3339.
func (t *Time) UnmarshalText(data []byte) error {
	var err error
	*t, err = Parse(RFC3339, string(data))
	return err
}

// MarshalJSON formats t as a quoted RFC 3339 string with nanoseconds.
func (t Time) MarshalJSON() ([]byte, error) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return nil, errors.New("Time.MarshalJSON: year outside of range [0,9999]")
	}
	return []byte("\"" + t.Format(RFC3339Nano) + "\""), nil
}

// UnmarshalJSON parses a quoted RFC 3339 string ("null" leaves t alone).
func (t *Time) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return errors.New("Time.UnmarshalJSON: input is not a JSON string")
	}
	var err error
	*t, err = Parse("\""+RFC3339+"\"", string(data))
	return err
}

// Compare-free helpers Go 1.19 has:

// IsDST reports whether t is in daylight saving time in its location.
func (t Time) IsDST() bool {
	_, _, dst := t.loc.lookup(t.sec - unixToInternal)
	return dst
}

// UnixNano-style constructors: Time values from other Times keep their location.
var _ = errNotImplemented
