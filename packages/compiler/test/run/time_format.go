package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	for _, l := range []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano, "2006-01-02 15:04:05.000 Mon January _2 002 __2 3PM pm", "Jan 2, 2006 at 3:04pm (MST)", "06/1/2 .999 ,000 Z07:00 -07 -070000"} {
		fmt.Println(t.Format(l))
	}
	fmt.Println(t, t.Weekday(), t.YearDay(), t.Month(), t.Unix())
	y, w := t.ISOWeek()
	fmt.Println(y, w)
	ny, _ := time.LoadLocation("America/New_York")
	fmt.Println(t.In(ny), t.In(ny).Format(time.RFC3339))
	summer := time.Date(2022, 7, 1, 12, 0, 0, 0, ny)
	fmt.Println(summer, summer.UTC(), summer.IsDST())
	future := time.Date(2099, 7, 1, 12, 0, 0, 0, ny)
	fmt.Println(future)
	fmt.Println(time.Date(2023, 2, 30, 25, 61, 0, 0, time.UTC))
	fmt.Println(t.AddDate(0, 3, 25), t.Truncate(time.Hour), t.Round(time.Minute))
	for _, s := range [][2]string{{time.RFC3339, "2006-01-02T15:04:05Z"}, {time.RFC3339, "2006-01-02T15:04:05+07:00"}, {time.RFC3339Nano, "2021-03-04T05:06:07.89-08:00"}, {"2006-01-02", "2021-13-01"}, {"2006-01-02", "2021-02-30"}, {"Jan 2 2006", "Feb 3 2013 extra"}, {time.RFC1123, "Mon, 02 Jan 2006 15:04:05 EST"}, {"15:04", "26:00"}, {"2006-01-02 15:04:05", "2010-02-04 21:00:57.012"}, {time.Kitchen, "3:04AM"}} {
		pt, err := time.Parse(s[0], s[1])
		fmt.Println(pt, err)
	}
	u := time.Unix(1e9, 0).UTC()
	fmt.Printf("%v %#v\n", u, u)
	fmt.Println(time.FixedZone("X", -3*3600+1800).String(), t.In(time.FixedZone("", 5*3600+1800)))
	b, _ := t.MarshalJSON()
	fmt.Println(string(b))
	var t2 time.Time
	fmt.Println(t2.UnmarshalJSON([]byte(`"2020-05-06T07:08:09Z"`)), t2)
}
