package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const htmlViewProgram = `fn fib(n: i64) i64 {
    if (n < 2) { return n }
    return fib(n - 1) + fib(n - 2)
}
fn main() i64 {
    println(fib(10))
    return 0
}
`

// TestDumpHTMLRendersColumnsInChromium builds a program with --dump-html for both pass tables,
// checks the page has one column per pass, then has headless Chromium (scripts/deps.sh installs
// it) render it and checks the screenshot: a row through the headers must cross many separate
// header-blue columns, and changed lines must be highlighted.
func TestDumpHTMLRendersColumnsInChromium(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "fib.cot")
	if err := os.WriteFile(file, []byte(htmlViewProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	status := cot([]string{"build", file, "--target=arm64", "--dump-html=fib", "--dump-dir=" + dir, "-o", filepath.Join(dir, "fib")}, nil, &stdout, &stderr)
	if status != 0 {
		t.Fatalf("cot build: status %d\n%s", status, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(dir, "fib.html"))
	if err != nil {
		t.Fatal(err)
	}
	passes := append(frontEnd().Passes, backEnd().Passes...)
	if n := strings.Count(string(page), `<div class="col`); n != len(passes) {
		t.Errorf("page has %d columns, want one per pass (%d)", n, len(passes))
	}
	for _, p := range passes {
		if !strings.Contains(string(page), `data-pass="`+p.Name+`"`) {
			t.Errorf("no column for pass %s", p.Name)
		}
	}

	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed: run scripts/deps.sh")
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--window-size=2400,900", "--screenshot="+shot, "file://"+filepath.Join(dir, "fib.html"))
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	near := func(x, y int, r0, g0, b0 uint32) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		d := func(a, b uint32) bool { a >>= 8; return a+12 >= b && a <= b+12 }
		return d(r, r0) && d(g, g0) && d(b, b0)
	}
	// The headers are blue (#2457a6) and columns are separated by a 1-pixel grey (#999) border:
	// count the x positions where a grey line runs down through the header band.
	bounds := img.Bounds()
	top := -1
	for y := bounds.Min.Y; y < bounds.Max.Y && top < 0; y++ {
		if near(bounds.Min.X+2, y, 0x24, 0x57, 0xa6) {
			top = y
		}
	}
	if top < 0 {
		t.Fatal("the screenshot shows no header")
	}
	borders := 0
	for x := bounds.Min.X; x < bounds.Max.X; x++ {
		line := true
		for y := top + 2; y < top+30 && line; y++ {
			line = near(x, y, 0x99, 0x99, 0x99)
		}
		if line {
			borders++
		}
	}
	if borders < 8 {
		t.Errorf("the screenshot shows %d column borders across the headers, want at least 8", borders)
	}
	yellow := 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if near(x, y, 0xff, 0xe6, 0x80) {
				yellow++
			}
		}
	}
	if yellow < 1000 {
		t.Errorf("the screenshot has %d highlighted pixels: changed lines are not highlighted", yellow)
	}
}
