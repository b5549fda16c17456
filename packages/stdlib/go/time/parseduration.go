// gort standard library: package time — ParseDuration.

package time

import "errors"

var durationUnits = []struct {
	name string
	unit uint64
}{
	{"ns", uint64(Nanosecond)},
	{"us", uint64(Microsecond)},
	{"µs", uint64(Microsecond)}, // U+00B5 micro sign
	{"μs", uint64(Microsecond)}, // U+03BC Greek mu
	{"ms", uint64(Millisecond)},
	{"s", uint64(Second)},
	{"m", uint64(Minute)},
	{"h", uint64(Hour)},
}

func quoteDuration(s string) string { return "\"" + s + "\"" }

// ParseDuration parses a duration string: an optionally signed sequence of decimal numbers,
// each with an optional fraction and a unit ("300ms", "-1.5h", "2h45m"). Units: ns, us (or µs),
// ms, s, m, h.
func ParseDuration(s string) (Duration, error) {
	orig := s
	var total uint64
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quoteDuration(orig))
	}
	for s != "" {
		// the integer part
		i := 0
		var whole uint64
		overflow := false
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if whole > (1<<63-1)/10 {
				overflow = true
			}
			whole = whole*10 + uint64(s[i]-'0')
			if whole > 1<<63 {
				overflow = true
			}
			i++
		}
		if overflow {
			return 0, errors.New("time: invalid duration " + quoteDuration(orig))
		}
		hadWhole := i > 0
		s = s[i:]
		// the fraction
		var frac uint64
		scale := 1.0
		hadFrac := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			j := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if frac < (1<<63-1)/10 {
					frac = frac*10 + uint64(s[j]-'0')
					scale *= 10
				}
				j++
			}
			hadFrac = j > 0
			s = s[j:]
		}
		if !hadWhole && !hadFrac {
			return 0, errors.New("time: invalid duration " + quoteDuration(orig))
		}
		// the unit
		k := 0
		for k < len(s) && s[k] != '.' && (s[k] < '0' || s[k] > '9') {
			k++
		}
		if k == 0 {
			return 0, errors.New("time: missing unit in duration " + quoteDuration(orig))
		}
		u := s[:k]
		s = s[k:]
		var unit uint64
		for _, du := range durationUnits {
			if du.name == u {
				unit = du.unit
			}
		}
		if unit == 0 {
			return 0, errors.New("time: unknown unit " + quoteDuration(u) + " in duration " + quoteDuration(orig))
		}
		if whole > (1<<63)/unit {
			return 0, errors.New("time: invalid duration " + quoteDuration(orig))
		}
		v := whole * unit
		if frac > 0 {
			v += uint64(float64(frac) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, errors.New("time: invalid duration " + quoteDuration(orig))
			}
		}
		total += v
		if total > 1<<63 {
			return 0, errors.New("time: invalid duration " + quoteDuration(orig))
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > 1<<63-1 {
		return 0, errors.New("time: invalid duration " + quoteDuration(orig))
	}
	return Duration(total), nil
}
