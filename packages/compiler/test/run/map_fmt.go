package main

// Maps through fmt (reflect's MapRange + fmtsort) and reflect's map API: the reflect.map*
// natives of runtime/src/map.ts.

import (
	"fmt"
	"reflect"
	"sort"
)

type P struct{ X, Y int }

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m)
	fmt.Printf("%v %d\n", map[int]string{3: "c", 1: "a"}, len(m))
	fmt.Println(map[P]bool{{1, 2}: true, {0, 5}: false})
	var nm map[string]int
	fmt.Println(nm, nm == nil)
	fmt.Printf("%#v\n", map[string]int{"z": 26})
	big := map[int]int{}
	for i := 0; i < 100; i++ {
		big[i] = i * i
	}
	fmt.Println(len(fmt.Sprint(big)))

	v := reflect.ValueOf(m)
	fmt.Println(v.Len(), v.MapIndex(reflect.ValueOf("a")), v.MapIndex(reflect.ValueOf("zz")).IsValid())
	v.SetMapIndex(reflect.ValueOf("d"), reflect.ValueOf(4))
	v.SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	keys := []string{}
	for _, k := range v.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	fmt.Println(keys, m)
	it := v.MapRange()
	sum := 0
	for it.Next() {
		sum += int(it.Value().Int())
	}
	fmt.Println(sum)
	mm := reflect.MakeMap(reflect.TypeOf(map[int][]string{}))
	mm.SetMapIndex(reflect.ValueOf(7), reflect.ValueOf([]string{"x"}))
	fmt.Println(mm.Len(), mm.Interface())
	fmt.Println(reflect.DeepEqual(map[string]int{"x": 1}, map[string]int{"x": 1}), reflect.DeepEqual(m, map[string]int{}))
}
