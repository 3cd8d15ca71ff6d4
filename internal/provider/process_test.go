package provider

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// gcAndProcs reads the process's garbage collection target and number of Ps without changing them.
func gcAndProcs() (int, int) {
	gc := debug.SetGCPercent(100)
	debug.SetGCPercent(gc)
	return gc, runtime.GOMAXPROCS(0)
}

func TestProcessDefaults(t *testing.T) {
	gc, procs := gcAndProcs()
	t.Cleanup(func() {
		debug.SetGCPercent(gc)
		runtime.GOMAXPROCS(procs)
	})
	tests := []struct {
		name         string
		env          map[string]string
		gc, maxProcs int
	}{
		{"neither set", nil, gcPercent, maxProcs},
		{"GOGC set", map[string]string{"GOGC": "100"}, 77, maxProcs},
		{"GOMAXPROCS set", map[string]string{"GOMAXPROCS": "3"}, gcPercent, 3},
		{"both set", map[string]string{"GOGC": "100", "GOMAXPROCS": "3"}, 77, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// What the runtime would have applied from a variable, marked so a change shows.
			debug.SetGCPercent(77)
			runtime.GOMAXPROCS(3)
			ProcessDefaults(func(name string) string { return tt.env[name] })
			if gotGC, gotProcs := gcAndProcs(); gotGC != tt.gc || gotProcs != tt.maxProcs {
				t.Errorf("GC target %d and %d Ps, want %d and %d", gotGC, gotProcs, tt.gc, tt.maxProcs)
			}
		})
	}
}
