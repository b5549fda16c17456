// gort standard library: package io (Pipe).
//
// A synchronous in-memory pipe built on channels only (package sync comes
// later): a Write hands its slice to Reads one at a time over wr and waits
// for each count on rd until the slice is consumed; closing either end
// closes done, which wakes every blocked call. Small channel-based locks
// replace sync.Mutex: writeLock serialises Writes, stateLock guards the
// close errors and the single close of done.

package io

type pipe struct {
	writeLock chan struct{} // held (one token) by the Write in progress
	stateLock chan struct{} // guards the fields below
	wr        chan []byte   // a Write offers its remaining bytes
	rd        chan int      // a Read answers how many it took
	done      chan struct{} // closed once either end is closed
	closed    bool          // done has been closed
	readErr   error         // first error the reader closed with
	writeErr  error         // first error the writer closed with
}

func (p *pipe) lockState()   { p.stateLock <- struct{}{} }
func (p *pipe) unlockState() { <-p.stateLock }

// errors returns the reader's and the writer's close errors.
func (p *pipe) errors() (rerr, werr error) {
	p.lockState()
	defer p.unlockState()
	return p.readErr, p.writeErr
}

// readCloseError is what Read reports once the pipe is closed: the
// writer's error when only the writer closed, else ErrClosedPipe.
func (p *pipe) readCloseError() error {
	rerr, werr := p.errors()
	if rerr == nil && werr != nil {
		return werr
	}
	return ErrClosedPipe
}

// writeCloseError mirrors readCloseError for Write.
func (p *pipe) writeCloseError() error {
	rerr, werr := p.errors()
	if werr == nil && rerr != nil {
		return rerr
	}
	return ErrClosedPipe
}

func (p *pipe) read(b []byte) (int, error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case chunk := <-p.wr:
		n := copy(b, chunk)
		p.rd <- n
		return n, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	default:
	}
	p.writeLock <- struct{}{}
	defer func() { <-p.writeLock }()
	// Even an empty Write waits for one Read to take it.
	for first := true; first || len(b) > 0; first = false {
		select {
		case p.wr <- b:
			k := <-p.rd
			b = b[k:]
			n += k
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

// close records err for one side (the first error per side wins) and
// closes done once.
func (p *pipe) close(reader bool, err error) {
	p.lockState()
	defer p.unlockState()
	if reader {
		if p.readErr == nil {
			p.readErr = err
		}
	} else if p.writeErr == nil {
		p.writeErr = err
	}
	if !p.closed {
		p.closed = true
		close(p.done)
	}
}

// PipeReader is the read half of a pipe.
type PipeReader struct {
	p *pipe
}

// Read reads from the pipe, blocking until a writer arrives or the write
// end is closed (then it returns the close error, EOF by default).
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader; later writes fail with ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader; later writes return err (ErrClosedPipe
// when nil). It never replaces an earlier error and always returns nil.
func (r *PipeReader) CloseWithError(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	r.p.close(true, err)
	return nil
}

// PipeWriter is the write half of a pipe.
type PipeWriter struct {
	p *pipe
}

// Write writes to the pipe, blocking until readers have consumed all of
// data or the read end is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }

// Close closes the writer; later reads return EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer; later reads return err (EOF when nil).
// It never replaces an earlier error and always returns nil.
func (w *PipeWriter) CloseWithError(err error) error {
	if err == nil {
		err = EOF
	}
	w.p.close(false, err)
	return nil
}

// Pipe creates a synchronous in-memory pipe: each Write blocks until Reads
// have consumed all its data; there is no internal buffering. Reads,
// Writes and Closes may be called from different goroutines.
func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{
		writeLock: make(chan struct{}, 1),
		stateLock: make(chan struct{}, 1),
		wr:        make(chan []byte),
		rd:        make(chan int),
		done:      make(chan struct{}),
	}
	return &PipeReader{p}, &PipeWriter{p}
}
