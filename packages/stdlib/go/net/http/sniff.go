// gort standard library: package net/http

package http

import "bytes"

// DetectContentType guesses the MIME type of the first 512 bytes of data (a subset of the
// WHATWG sniffing table Go uses: HTML, XML, PDF, images, archives, text; else
// application/octet-stream).
func DetectContentType(data []byte) string {
	if len(data) > 512 {
		data = data[:512]
	}
	first := 0
	for first < len(data) && (data[first] == '\t' || data[first] == '\n' || data[first] == '\x0c' || data[first] == '\r' || data[first] == ' ') {
		first++
	}
	ws := data[first:]
	for _, tag := range []string{"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"} {
		if len(ws) > len(tag) && bytes.EqualFold(ws[:len(tag)], []byte(tag)) {
			c := ws[len(tag)]
			if c == ' ' || c == '>' {
				return "text/html; charset=utf-8"
			}
		}
	}
	if bytes.HasPrefix(ws, []byte("<?xml")) {
		return "text/xml; charset=utf-8"
	}
	sigs := []struct {
		prefix, ct string
	}{
		{"%PDF-", "application/pdf"},
		{"%!PS-Adobe-", "application/postscript"},
		{"\xFE\xFF", "text/plain; charset=utf-16be"},
		{"\xFF\xFE", "text/plain; charset=utf-16le"},
		{"\xEF\xBB\xBF", "text/plain; charset=utf-8"},
		{"GIF87a", "image/gif"},
		{"GIF89a", "image/gif"},
		{"\x89PNG\x0D\x0A\x1A\x0A", "image/png"},
		{"\xFF\xD8\xFF", "image/jpeg"},
		{"BM", "image/bmp"},
		{"\x1F\x8B\x08", "application/x-gzip"},
		{"PK\x03\x04", "application/zip"},
		{"Rar!\x1A\x07\x00", "application/x-rar-compressed"},
		{"\x00asm", "application/wasm"},
	}
	for _, s := range sigs {
		if bytes.HasPrefix(data, []byte(s.prefix)) {
			return s.ct
		}
	}
	for _, b := range data {
		if b <= 0x08 || b == 0x0B || 0x0E <= b && b <= 0x1A || 0x1C <= b && b <= 0x1F {
			return "application/octet-stream"
		}
	}
	return "text/plain; charset=utf-8"
}
