package q

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	println("TestMain before")
	code := m.Run()
	println("TestMain after", code)
	os.Exit(code)
}

func TestUpper(t *testing.T) {
	for _, c := range []struct{ in, want string }{{"a", "A"}, {"Go", "GO"}, {"", ""}} {
		t.Run(c.in, func(t *testing.T) {
			if got := Upper(c.in); got != c.want {
				t.Fatalf("Upper(%q) = %q", c.in, got)
			}
		})
	}
}

func TestCleanupOrder(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	d := t.TempDir()
	if d == "" {
		t.Fatal("no temp dir")
	}
	t.Setenv("GORT_TEST_X", "1")
	if os.Getenv("GORT_TEST_X") != "1" {
		t.Error("Setenv")
	}
}

func TestParallel(t *testing.T) {
	for _, n := range []string{"x", "y"} {
		n := n
		t.Run(n, func(t *testing.T) {
			t.Parallel()
			t.Log("parallel", n)
		})
	}
}

func TestSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
}
