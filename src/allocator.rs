//! The binary's allocator: mimalloc, asked for an alignment only when a type needs more than
//! a word. The `mimalloc` crate's allocator asks `mi_malloc_aligned` every time, which takes
//! ~80 instructions where `mi_malloc` takes ~20: a sixth of string_building's time was in the
//! allocator. (Mapping each block over a MiB on its own, so that a growing list moves its
//! pages with `mremap` as glibc's `realloc` does, was tried: no difference beyond the noise.)

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};

/// What every mimalloc block is aligned to: its blocks are whole words from a word-aligned
/// page start (and double words from 16 bytes on).
const WORD: usize = std::mem::size_of::<usize>();

pub struct Allocator;

// SAFETY: for an alignment of at most a word, `mi_malloc`/`mi_zalloc`/`mi_realloc` give
// blocks of the size asked that are word-aligned (see `WORD`), which is all `Layout` asks;
// larger alignments go to mimalloc's aligned functions. `mi_free` frees blocks of either kind.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi_malloc(layout.size()).cast()
            } else {
                mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi_zalloc(layout.size()).cast()
            } else {
                mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract).
        unsafe { mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        // SAFETY: see the impl; `ptr` came from this allocator with `layout`.
        unsafe {
            if layout.align() <= WORD {
                mi_realloc(ptr.cast(), new).cast()
            } else {
                mi_realloc_aligned(ptr.cast(), new, layout.align()).cast()
            }
        }
    }
}
