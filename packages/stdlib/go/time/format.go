// gort standard library: package time — formatting and parsing with Go's reference layout
// (Mon Jan 2 15:04:05 MST 2006).

package time

import "errors"

// Layouts for Format and Parse.
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
)

// layout elements
const (
	stdNone = iota
	stdLongMonth
	stdMonth
	stdNumMonth
	stdZeroMonth
	stdLongWeekDay
	stdWeekDay
	stdDay
	stdUnderDay
	stdZeroDay
	stdUnderYearDay
	stdZeroYearDay
	stdHour
	stdHour12
	stdZeroHour12
	stdMinute
	stdZeroMinute
	stdSecond
	stdZeroSecond
	stdLongYear
	stdYear
	stdPM
	stdpm
	stdTZ
	stdISO8601TZ
	stdISO8601SecondsTZ
	stdISO8601ShortTZ
	stdISO8601ColonTZ
	stdISO8601ColonSecondsTZ
	stdNumTZ
	stdNumSecondsTz
	stdNumShortTZ
	stdNumColonTZ
	stdNumColonSecondsTZ
	stdFracSecond0 // ".000…": digits in the element
	stdFracSecond9 // ".999…": trailing zeros dropped
)

func startsWith(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func isDigitAt(s string, i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }

// nextStd finds the first layout element in layout: the text before it, the element (and
// for fractions its digit count) and the text after it.
func nextStd(layout string) (prefix string, std int, digits int, suffix string) {
	for i := 0; i < len(layout); i++ {
		switch c := layout[i]; c {
		case 'J':
			if startsWith(layout[i:], "Jan") {
				if startsWith(layout[i:], "January") {
					return layout[:i], stdLongMonth, 0, layout[i+7:]
				}
				if !startsWith(layout[i+3:], "u") || true {
					if len(layout) >= i+4 && 'a' <= layout[i+3] && layout[i+3] <= 'z' {
						continue
					}
					return layout[:i], stdMonth, 0, layout[i+3:]
				}
			}
		case 'M':
			if startsWith(layout[i:], "Mon") {
				if startsWith(layout[i:], "Monday") {
					return layout[:i], stdLongWeekDay, 0, layout[i+6:]
				}
				if !(len(layout) >= i+4 && 'a' <= layout[i+3] && layout[i+3] <= 'z') {
					return layout[:i], stdWeekDay, 0, layout[i+3:]
				}
			}
			if startsWith(layout[i:], "MST") {
				return layout[:i], stdTZ, 0, layout[i+3:]
			}
		case '0':
			if i+1 < len(layout) && '1' <= layout[i+1] && layout[i+1] <= '6' {
				return layout[:i], []int{0, stdZeroMonth, stdZeroDay, stdZeroHour12, stdZeroMinute, stdZeroSecond, stdYear}[layout[i+1]-'0'], 0, layout[i+2:]
			}
			if startsWith(layout[i:], "002") {
				return layout[:i], stdZeroYearDay, 0, layout[i+3:]
			}
		case '1':
			if startsWith(layout[i:], "15") {
				return layout[:i], stdHour, 0, layout[i+2:]
			}
			return layout[:i], stdNumMonth, 0, layout[i+1:]
		case '2':
			if startsWith(layout[i:], "2006") {
				return layout[:i], stdLongYear, 0, layout[i+4:]
			}
			return layout[:i], stdDay, 0, layout[i+1:]
		case '_':
			if startsWith(layout[i:], "_2") {
				if startsWith(layout[i:], "_2006") {
					return layout[:i+1], stdLongYear, 0, layout[i+5:]
				}
				return layout[:i], stdUnderDay, 0, layout[i+2:]
			}
			if startsWith(layout[i:], "__2") {
				return layout[:i], stdUnderYearDay, 0, layout[i+3:]
			}
		case '3':
			return layout[:i], stdHour12, 0, layout[i+1:]
		case '4':
			return layout[:i], stdMinute, 0, layout[i+1:]
		case '5':
			return layout[:i], stdSecond, 0, layout[i+1:]
		case 'P':
			if startsWith(layout[i:], "PM") {
				return layout[:i], stdPM, 0, layout[i+2:]
			}
		case 'p':
			if startsWith(layout[i:], "pm") {
				return layout[:i], stdpm, 0, layout[i+2:]
			}
		case '-':
			for _, z := range []struct {
				s   string
				std int
			}{{"-07:00:00", stdNumColonSecondsTZ}, {"-070000", stdNumSecondsTz}, {"-07:00", stdNumColonTZ}, {"-0700", stdNumTZ}, {"-07", stdNumShortTZ}} {
				if startsWith(layout[i:], z.s) {
					return layout[:i], z.std, 0, layout[i+len(z.s):]
				}
			}
		case 'Z':
			for _, z := range []struct {
				s   string
				std int
			}{{"Z07:00:00", stdISO8601ColonSecondsTZ}, {"Z070000", stdISO8601SecondsTZ}, {"Z07:00", stdISO8601ColonTZ}, {"Z0700", stdISO8601TZ}, {"Z07", stdISO8601ShortTZ}} {
				if startsWith(layout[i:], z.s) {
					return layout[:i], z.std, 0, layout[i+len(z.s):]
				}
			}
		case '.', ',':
			if i+1 < len(layout) && (layout[i+1] == '0' || layout[i+1] == '9') {
				ch := layout[i+1]
				j := i + 1
				for j < len(layout) && layout[j] == ch {
					j++
				}
				if !isDigitAt(layout, j) {
					std := stdFracSecond0
					if ch == '9' {
						std = stdFracSecond9
					}
					return layout[:i], std, j - (i + 1), layout[j:]
				}
			}
		}
	}
	return layout, stdNone, 0, ""
}

func appendInt(b []byte, x int, width int) []byte {
	u := uint(x)
	if x < 0 {
		b = append(b, '-')
		u = uint(-x)
	}
	var buf [20]byte
	i := len(buf)
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	for w := len(buf) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

func appendFrac(b []byte, nsec int, digits int, trim bool, sep byte) []byte {
	u := nsec
	var buf [9]byte
	for i := 8; i >= 0; i-- {
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if digits > 9 {
		digits = 9
	}
	d := buf[:digits]
	if trim {
		for len(d) > 0 && d[len(d)-1] == '0' {
			d = d[:len(d)-1]
		}
		if len(d) == 0 {
			return b
		}
	}
	b = append(b, sep)
	return append(b, d...)
}

// Format returns t formatted according to layout (Go's reference time Mon Jan 2 15:04:05 MST 2006).
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(make([]byte, 0, len(layout)+10), layout))
}

// AppendFormat is Format appending to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	l, name, offset := t.abs()
	days := floorDiv(l, 86400)
	secs := int(l - days*86400)
	year, month, day := civil(days)
	yday := daysBeforeMonth(year, int(month)) + day
	hour, min, sec := secs/3600, secs%3600/60, secs%60
	wd := Weekday((days%7 + 11) % 7)
	for layout != "" {
		prefix, std, digits, suffix := nextStd(layout)
		b = append(b, prefix...)
		if std == stdNone {
			break
		}
		sep := byte('.')
		if len(layout) > len(prefix) {
			sep = layout[len(prefix)] // a fraction keeps the layout's separator (. or ,)
		}
		layout = suffix
		switch std {
		case stdYear:
			y := year % 100
			if y < 0 {
				y = -y
			}
			b = appendInt(b, y, 2)
		case stdLongYear:
			b = appendInt(b, year, 4)
		case stdMonth:
			b = append(b, shortMonthNames[month-1]...)
		case stdLongMonth:
			b = append(b, longMonthNames[month-1]...)
		case stdNumMonth:
			b = appendInt(b, int(month), 0)
		case stdZeroMonth:
			b = appendInt(b, int(month), 2)
		case stdWeekDay:
			b = append(b, shortDayNames[wd]...)
		case stdLongWeekDay:
			b = append(b, longDayNames[wd]...)
		case stdDay:
			b = appendInt(b, day, 0)
		case stdUnderDay:
			if day < 10 {
				b = append(b, ' ')
			}
			b = appendInt(b, day, 0)
		case stdZeroDay:
			b = appendInt(b, day, 2)
		case stdUnderYearDay:
			if yday < 100 {
				b = append(b, ' ')
				if yday < 10 {
					b = append(b, ' ')
				}
			}
			b = appendInt(b, yday, 0)
		case stdZeroYearDay:
			b = appendInt(b, yday, 3)
		case stdHour:
			b = appendInt(b, hour, 2)
		case stdHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			b = appendInt(b, hr, 0)
		case stdZeroHour12:
			hr := hour % 12
			if hr == 0 {
				hr = 12
			}
			b = appendInt(b, hr, 2)
		case stdMinute:
			b = appendInt(b, min, 0)
		case stdZeroMinute:
			b = appendInt(b, min, 2)
		case stdSecond:
			b = appendInt(b, sec, 0)
		case stdZeroSecond:
			b = appendInt(b, sec, 2)
		case stdPM:
			if hour >= 12 {
				b = append(b, "PM"...)
			} else {
				b = append(b, "AM"...)
			}
		case stdpm:
			if hour >= 12 {
				b = append(b, "pm"...)
			} else {
				b = append(b, "am"...)
			}
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecondsTZ, stdNumTZ, stdNumColonTZ, stdNumSecondsTz, stdNumShortTZ, stdNumColonSecondsTZ:
			if offset == 0 && (std == stdISO8601TZ || std == stdISO8601ColonTZ || std == stdISO8601SecondsTZ || std == stdISO8601ShortTZ || std == stdISO8601ColonSecondsTZ) {
				b = append(b, 'Z')
				break
			}
			zone := offset / 60
			absoff := offset
			if zone < 0 {
				b = append(b, '-')
				zone = -zone
				absoff = -absoff
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zone/60, 2)
			if std == stdISO8601ColonTZ || std == stdNumColonTZ || std == stdISO8601ColonSecondsTZ || std == stdNumColonSecondsTZ {
				b = append(b, ':')
			}
			if std != stdNumShortTZ && std != stdISO8601ShortTZ {
				b = appendInt(b, zone%60, 2)
			}
			if std == stdISO8601SecondsTZ || std == stdNumSecondsTz || std == stdNumColonSecondsTZ || std == stdISO8601ColonSecondsTZ {
				if std == stdNumColonSecondsTZ || std == stdISO8601ColonSecondsTZ {
					b = append(b, ':')
				}
				b = appendInt(b, absoff%60, 2)
			}
		case stdTZ:
			if name != "" {
				b = append(b, name...)
				break
			}
			zone := offset / 60
			if zone < 0 {
				b = append(b, '-')
				zone = -zone
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zone/60, 2)
			b = appendInt(b, zone%60, 2)
		case stdFracSecond0:
			b = appendFrac(b, int(t.nsec), digits, false, sep)
		case stdFracSecond9:
			b = appendFrac(b, int(t.nsec), digits, true, sep)
		}
	}
	return b
}

// String formats t as "2006-01-02 15:04:05.999999999 -0700 MST", with " m=±…" when t has a
// monotonic clock reading.
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.mono != 0 {
		m := t.mono - 1
		sign := byte('+')
		if m < 0 {
			sign = '-'
			m = -m
		}
		b := []byte(" m=")
		b = append(b, sign)
		b = appendInt(b, int(m/1e9), 0)
		b = append(b, '.')
		b = appendInt(b, int(m%1e9), 9)
		s += string(b)
	}
	return s
}

// GoString is %#v's form: time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC).
func (t Time) GoString() string {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	b := []byte("time.Date(")
	b = appendInt(b, y, 0)
	if January <= m && m <= December {
		b = append(b, ", time."...)
		b = append(b, longMonthNames[m-1]...)
	} else {
		b = append(b, ", "...)
		b = appendInt(b, int(m), 0)
	}
	for _, v := range []int{d, h, mi, s, int(t.nsec)} {
		b = append(b, ", "...)
		b = appendInt(b, v, 0)
	}
	b = append(b, ", "...)
	switch loc := t.Location(); loc {
	case UTC:
		b = append(b, "time.UTC"...)
	case Local:
		b = append(b, "time.Local"...)
	default:
		b = append(b, "time.Location("...)
		b = append(b, quote(loc.name)...)
		b = append(b, ')')
	}
	return string(append(b, ')'))
}

func quote(s string) string {
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return string(append(b, '"'))
}

// ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) + ": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

var errBad = errors.New("bad value for field")

func lookupName(tab []string, val string) (int, string, error) {
	for i, v := range tab {
		if len(val) >= len(v) && equalFold(val[:len(v)], v) {
			return i, val[len(v):], nil
		}
	}
	return -1, val, errBad
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// getnum reads 1 or 2 digits (exactly 2 when fixed).
func getnum(s string, fixed bool) (int, string, error) {
	if !isDigitAt(s, 0) {
		return 0, s, errBad
	}
	if !isDigitAt(s, 1) {
		if fixed {
			return 0, s, errBad
		}
		return int(s[0] - '0'), s[1:], nil
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], nil
}

func getnum3(s string, fixed bool) (int, string, error) {
	n, i := 0, 0
	for ; i < 3 && isDigitAt(s, i); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, errBad
	}
	return n, s[i:], nil
}

func atoiDigits(s string) (int, error) {
	if s == "" {
		return 0, errBad
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errBad
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, nil
}

func cutspace(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// skip removes the layout's literal prefix from value.
func skip(value, prefix string) (string, error) {
	for len(prefix) > 0 {
		if prefix[0] == ' ' {
			if len(value) > 0 && value[0] != ' ' {
				return value, errBad
			}
			prefix = cutspace(prefix)
			value = cutspace(value)
			continue
		}
		if len(value) == 0 || value[0] != prefix[0] {
			return value, errBad
		}
		prefix = prefix[1:]
		value = value[1:]
	}
	return value, nil
}

// Parse parses a formatted string (UTC unless it names a zone).
func Parse(layout, value string) (Time, error) { return parse(layout, value, UTC, Local) }

// ParseInLocation is Parse with loc for values without a zone.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

func parse(layout, value string, defaultLocation, local *Location) (Time, error) {
	alayout, avalue := layout, value
	rangeErrString := ""
	amSet, pmSet := false, false
	year, month, day := 0, -1, -1
	yday := -1
	hour, min, sec, nsec := 0, 0, 0, 0
	var z *Location
	zoneOffset := -1
	zoneName := ""
	for {
		var err error
		prefix, std, digits, suffix := nextStd(layout)
		stdstr := layout[len(prefix) : len(layout)-len(suffix)]
		value, err = skip(value, prefix)
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, prefix, value, ""}
		}
		if std == stdNone {
			if len(value) != 0 {
				return Time{}, &ParseError{alayout, avalue, "", value, ": extra text: " + quote(value)}
			}
			break
		}
		layout = suffix
		var p string
		hold := value
		switch std {
		case stdYear:
			if len(value) < 2 {
				err = errBad
				break
			}
			p, value = value[0:2], value[2:]
			year, err = atoiDigits(p)
			if err != nil {
				break
			}
			if year >= 69 {
				year += 1900
			} else {
				year += 2000
			}
		case stdLongYear:
			if len(value) < 4 || !isDigitAt(value, 0) {
				err = errBad
				break
			}
			p, value = value[0:4], value[4:]
			year, err = atoiDigits(p)
		case stdMonth:
			month, value, err = lookupName(shortMonthNames, value)
			month++
		case stdLongMonth:
			month, value, err = lookupName(longMonthNames, value)
			month++
		case stdNumMonth, stdZeroMonth:
			month, value, err = getnum(value, std == stdZeroMonth)
			if err == nil && (month <= 0 || 12 < month) {
				rangeErrString = "month"
			}
		case stdWeekDay:
			_, value, err = lookupName(shortDayNames, value)
		case stdLongWeekDay:
			_, value, err = lookupName(longDayNames, value)
		case stdDay, stdUnderDay, stdZeroDay:
			if std == stdUnderDay && len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
			day, value, err = getnum(value, std == stdZeroDay)
		case stdUnderYearDay, stdZeroYearDay:
			for i := 0; i < 2; i++ {
				if std == stdUnderYearDay && len(value) > 0 && value[0] == ' ' {
					value = value[1:]
				}
			}
			yday, value, err = getnum3(value, std == stdZeroYearDay)
		case stdHour:
			hour, value, err = getnum(value, false)
			if hour < 0 || 24 <= hour {
				rangeErrString = "hour"
			}
		case stdHour12, stdZeroHour12:
			hour, value, err = getnum(value, std == stdZeroHour12)
			if hour < 0 || 12 < hour {
				rangeErrString = "hour"
			}
		case stdMinute, stdZeroMinute:
			min, value, err = getnum(value, std == stdZeroMinute)
			if min < 0 || 60 <= min {
				rangeErrString = "minute"
			}
		case stdSecond, stdZeroSecond:
			sec, value, err = getnum(value, std == stdZeroSecond)
			if err != nil {
				break
			}
			if sec < 0 || 60 <= sec {
				rangeErrString = "second"
				break
			}
			// a fraction after the seconds even when the layout has none
			if len(value) >= 2 && (value[0] == '.' || value[0] == ',') && isDigitAt(value, 1) {
				_, std2, _, _ := nextStd(layout)
				if std2 == stdFracSecond0 || std2 == stdFracSecond9 {
					break
				}
				n := 2
				for ; n < len(value) && isDigitAt(value, n); n++ {
				}
				nsec = parseNanoseconds(value[1:n])
				value = value[n:]
			}
		case stdPM:
			if len(value) < 2 {
				err = errBad
				break
			}
			p, value = value[0:2], value[2:]
			switch p {
			case "PM":
				pmSet = true
			case "AM":
				amSet = true
			default:
				err = errBad
			}
		case stdpm:
			if len(value) < 2 {
				err = errBad
				break
			}
			p, value = value[0:2], value[2:]
			switch p {
			case "pm":
				pmSet = true
			case "am":
				amSet = true
			default:
				err = errBad
			}
		case stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ, stdISO8601ColonSecondsTZ, stdNumTZ, stdNumShortTZ, stdNumColonTZ, stdNumSecondsTz, stdNumColonSecondsTZ:
			if (std == stdISO8601TZ || std == stdISO8601ShortTZ || std == stdISO8601ColonTZ || std == stdISO8601SecondsTZ || std == stdISO8601ColonSecondsTZ) && len(value) >= 1 && value[0] == 'Z' {
				value = value[1:]
				z = UTC
				break
			}
			var sign, hh, mm, ss string
			switch std {
			case stdISO8601ColonTZ, stdNumColonTZ:
				if len(value) < 6 || value[3] != ':' {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], "00", value[6:]
			case stdNumShortTZ, stdISO8601ShortTZ:
				if len(value) < 3 {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], "00", "00", value[3:]
			case stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ:
				if len(value) < 9 || value[3] != ':' || value[6] != ':' {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[4:6], value[7:9], value[9:]
			case stdISO8601SecondsTZ, stdNumSecondsTz:
				if len(value) < 7 {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], value[5:7], value[7:]
			default:
				if len(value) < 5 {
					err = errBad
					break
				}
				sign, hh, mm, ss, value = value[0:1], value[1:3], value[3:5], "00", value[5:]
			}
			if err != nil {
				break
			}
			var hr, mn, sc int
			if hr, err = atoiDigits(hh); err == nil {
				if mn, err = atoiDigits(mm); err == nil {
					sc, err = atoiDigits(ss)
				}
			}
			if hr > 24 || mn >= 60 || sc >= 60 {
				rangeErrString = "time zone offset"
			}
			zoneOffset = (hr*60+mn)*60 + sc
			switch sign[0] {
			case '+':
			case '-':
				zoneOffset = -zoneOffset
			default:
				err = errBad
			}
		case stdTZ:
			if len(value) >= 3 && value[0:3] == "UTC" {
				z = UTC
				value = value[3:]
				break
			}
			n := 0
			for n < len(value) && ('A' <= value[n] && value[n] <= 'Z') {
				n++
			}
			if n < 3 {
				err = errBad
				break
			}
			zoneName, value = value[:n], value[n:]
		case stdFracSecond0:
			ndigit := 1 + digits
			if len(value) < ndigit {
				err = errBad
				break
			}
			if value[0] != '.' && value[0] != ',' {
				err = errBad
				break
			}
			nsec = parseNanoseconds(value[1:ndigit])
			value = value[ndigit:]
		case stdFracSecond9:
			if len(value) < 2 || !(value[0] == '.' || value[0] == ',') || value[1] < '0' || '9' < value[1] {
				break
			}
			i := 0
			for i+1 < len(value) && i < 9 && '0' <= value[i+1] && value[i+1] <= '9' {
				i++
			}
			nsec = parseNanoseconds(value[1 : 1+i])
			value = value[1+i:]
		}
		if rangeErrString != "" {
			return Time{}, &ParseError{alayout, avalue, stdstr, value, ": " + rangeErrString + " out of range"}
		}
		if err != nil {
			return Time{}, &ParseError{alayout, avalue, stdstr, hold, ""}
		}
	}
	if pmSet && hour < 12 {
		hour += 12
	} else if amSet && hour == 12 {
		hour = 0
	}
	if yday >= 0 {
		var d, m int
		if isLeap(year) {
			if yday == 31+29 {
				m, d = 2, 29
			} else if yday > 31+29 {
				yday--
			}
		}
		if yday < 1 || yday > 365 {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year out of range"}
		}
		if m == 0 {
			m = 1
			for yday > daysIn(Month(m), 2001) && m < 12 {
				yday -= daysIn(Month(m), 2001)
				m++
			}
			d = yday
		}
		if month >= 0 && month != m {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match month"}
		}
		month = m
		if day >= 0 && day != d {
			return Time{}, &ParseError{alayout, avalue, "", value, ": day-of-year does not match day"}
		}
		day = d
	} else {
		if month < 0 {
			month = int(January)
		}
		if day < 0 {
			day = 1
		}
	}
	if day < 1 || day > daysIn(Month(month), year) {
		return Time{}, &ParseError{alayout, avalue, "", value, ": day out of range"}
	}
	if z != nil {
		return Date(year, Month(month), day, hour, min, sec, nsec, z), nil
	}
	if zoneOffset != -1 {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		t = t.Add(Duration(-zoneOffset) * Second)
		// a local zone with that offset at that time: use it
		if name, off, _ := local.lookup(t.Unix()); off == zoneOffset && (zoneName == "" || name == zoneName) {
			t.loc = local
			return t, nil
		}
		t.loc = FixedZone(zoneName, zoneOffset)
		return t, nil
	}
	if zoneName != "" {
		t := Date(year, Month(month), day, hour, min, sec, nsec, UTC)
		if off, ok := local.lookupName(zoneName, t.Unix()); ok {
			t = t.Add(Duration(-off) * Second)
			t.loc = local
			return t, nil
		}
		if len(zoneName) > 3 && zoneName[:3] == "GMT" {
			// GMT+h
			n, _ := atoiDigits(zoneName[4:])
			if zoneName[3] == '-' {
				n = -n
			}
			t = t.Add(Duration(-n*3600) * Second)
			t.loc = FixedZone(zoneName, n*3600)
			return t, nil
		}
		t.loc = FixedZone(zoneName, 0)
		return t, nil
	}
	return Date(year, Month(month), day, hour, min, sec, nsec, defaultLocation), nil
}

func parseNanoseconds(s string) int {
	ns := 0
	i := 0
	for ; i < len(s) && i < 9; i++ {
		ns = ns*10 + int(s[i]-'0')
	}
	for ; i < 9; i++ {
		ns *= 10
	}
	return ns
}
