// gort standard library: package time (Duration, Time, the clocks).

// Package time measures and waits for time on gort's runtime clocks.
// gort's version covers durations, the wall and monotonic clocks, timers
// (sleep.go), calendars and locations (calendar.go, zoneinfo.go) and Go's
// layouts (format.go).
package time

// A Duration is the elapsed time between two instants as an int64
// nanosecond count (about 292 years at most).
type Duration int64

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// String formats d as Go does: "72h3m0.5s", "1.5s", "2ms", "3µs", "0s"
// (the largest unit first, trailing zeros of the fraction dropped).
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	var buf [32]byte
	w := len(buf)
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	if u < uint64(Second) {
		// below a second: one unit with a fraction
		var prec int
		w--
		buf[w] = 's'
		w--
		switch {
		case u < uint64(Microsecond):
			prec = 0
			buf[w] = 'n'
		case u < uint64(Millisecond):
			prec = 3
			// U+00B5 'µ' as UTF-8
			w--
			copy(buf[w:], "µ")
		default:
			prec = 6
			buf[w] = 'm'
		}
		w, u = fmtFrac(buf[:w], u, prec)
		w = fmtInt(buf[:w], u)
	} else {
		w--
		buf[w] = 's'
		w, u = fmtFrac(buf[:w], u, 9)
		// u is whole seconds now
		w = fmtInt(buf[:w], u%60)
		u /= 60
		if u > 0 {
			w--
			buf[w] = 'm'
			w = fmtInt(buf[:w], u%60)
			u /= 60
			if u > 0 {
				w--
				buf[w] = 'h'
				w = fmtInt(buf[:w], u)
			}
		}
	}
	if neg {
		w--
		buf[w] = '-'
	}
	return string(buf[w:])
}

// fmtFrac writes the low prec decimal digits of v as a fraction ".ddd" at the end of buf,
// without trailing zeros (nothing when they are all zero), and returns the start index and
// v with those digits removed.
func fmtFrac(buf []byte, v uint64, prec int) (int, uint64) {
	w := len(buf)
	printed := false
	for i := 0; i < prec; i++ {
		digit := v % 10
		printed = printed || digit != 0
		if printed {
			w--
			buf[w] = byte(digit) + '0'
		}
		v /= 10
	}
	if printed {
		w--
		buf[w] = '.'
	}
	return w, v
}

// fmtInt writes v in decimal at the end of buf and returns the start index.
func fmtInt(buf []byte, v uint64) int {
	w := len(buf)
	if v == 0 {
		w--
		buf[w] = '0'
		return w
	}
	for v > 0 {
		w--
		buf[w] = byte(v%10) + '0'
		v /= 10
	}
	return w
}

// Nanoseconds returns d as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns d as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns d as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns d as a floating-point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns d as a floating-point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns d as a floating-point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns d rounded toward zero to a multiple of m (d itself when m <= 0).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns d rounded to the nearest multiple of m, halfway values away from
// zero, saturating at the int64 limits (d itself when m <= 0).
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns the absolute value of d (math.MinInt64 becomes math.MaxInt64).
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// now returns the wall clock (Unix seconds and nanoseconds) and the
// monotonic clock reading (runtime nanoseconds). Provided by the runtime.
func now() (sec int64, nsec int32, mono int64)

// runtimeNano returns the runtime's monotonic clock in nanoseconds.
func runtimeNano() int64

// unixToInternal is the number of seconds from January 1, year 1 (the zero
// Time) to the Unix epoch.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

// A Time is an instant with nanosecond precision: wall-clock seconds since
// January 1, year 1 UTC and nanoseconds, plus — for times read by Now — a
// monotonic clock reading used by Sub, Since, Before, After and Equal so
// that wall clock changes do not affect measured durations.
type Time struct {
	sec  int64 // seconds since January 1, year 1 00:00:00 UTC
	nsec int32 // nanoseconds within the second, [0, 999999999]
	mono int64 // monotonic reading + 1; 0 = none
	loc  *Location // nil = UTC
}

// Now returns the current time.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec: sec + unixToInternal, nsec: nsec, mono: mono + 1, loc: Local}
}

// Unix returns the local Time of the given Unix time (nsec may be outside [0, 1e9)).
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: int32(nsec), loc: Local}
}

// UnixMilli returns the Time of msec milliseconds since the Unix epoch.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// UnixMicro returns the Time of usec microseconds since the Unix epoch.
func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

// Since returns the time elapsed since t (Now().Sub(t)).
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t (t.Sub(Now())).
func Until(t Time) Duration { return t.Sub(Now()) }

// IsZero reports whether t is the zero Time, January 1, year 1, 00:00:00 UTC.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

// Unix returns t as Unix seconds.
func (t Time) Unix() int64 { return t.sec - unixToInternal }

// UnixMilli returns t as Unix milliseconds.
func (t Time) UnixMilli() int64 { return t.Unix()*1e3 + int64(t.nsec)/1e6 }

// UnixMicro returns t as Unix microseconds.
func (t Time) UnixMicro() int64 { return t.Unix()*1e6 + int64(t.nsec)/1e3 }

// UnixNano returns t as Unix nanoseconds (undefined outside int64's range, as Go).
func (t Time) UnixNano() int64 { return t.Unix()*1e9 + int64(t.nsec) }

// Nanosecond returns the nanosecond offset within the second, [0, 999999999].
func (t Time) Nanosecond() int { return int(t.nsec) }

// Add returns t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	r := Time{sec: t.sec + dsec, nsec: nsec, loc: t.loc}
	if t.mono != 0 {
		m := t.mono + int64(d)
		// keep the monotonic reading only while it moves in d's direction (no overflow)
		if (d < 0) == (m < t.mono) && m != 0 {
			r.mono = m
		}
	}
	return r
}

// Sub returns t-u, saturating at the Duration limits.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

// After reports whether t is after u.
func (t Time) After(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether t is before u.
func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u are the same instant.
func (t Time) Equal(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}
