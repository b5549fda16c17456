package p

import (
	"fmt"
	"testing"
)

func helper(t *testing.T, x int) {
	t.Helper()
	if x != 3 {
		t.Errorf("bad %d", x)
	}
}

func TestAdd(t *testing.T) {
	fmt.Println("printed by TestAdd")
	t.Log("log line\nsecond")
	helper(t, Add(1, 2))
}

func TestSub(t *testing.T) {
	t.Run("a b", func(t *testing.T) { t.Log("in a") })
	t.Run("fail", func(t *testing.T) { helper(t, 4) })
	t.Run("skip", func(t *testing.T) { t.Skip("later") })
}

func BenchmarkAdd(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = Add(i, i)
	}
}
