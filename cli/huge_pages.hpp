#pragma once

namespace schemerge::cli {

// Large schemas make schemerge allocate hundreds of MB in small pieces; on Linux with
// transparent huge pages in "madvise" mode (Debian's default) every 4 KB page is faulted
// in separately: 100,000 faults for a 10,000-table dump, a quarter of its time on a
// virtual machine. glibc backs malloc with huge pages only when the GLIBC_TUNABLES
// variable asks for it at process start (glibc.malloc.hugetlb=1), so `main` calls this
// first: if the kernel is in madvise mode and the variable does not say it already, the
// program executes itself again with it added (once; nothing has been read or started
// yet). In the second run it puts the caller's GLIBC_TUNABLES back, so the programs
// schemerge starts (git, psql, pg_dump, mariadb) see the environment they were given.
// SCHEMERGE_NO_HUGE_PAGES=1 turns it off. Does nothing where it cannot apply (other
// modes, no /proc/self/exe).
void use_huge_pages(char** argv);

}  // namespace schemerge::cli
