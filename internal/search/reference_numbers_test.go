package search

// Page numbers in the reference implementation (see reference_test.go),
// written from doc.go (Files).

import "hash/fnv"

// refBucketPages is the most pages a bucket holds on average.
const refBucketPages = 8

// refBuckets is the number of buckets for n pages: the smallest power of
// two with at most refBucketPages pages a bucket on average.
func refBuckets(n int) int {
	for b := 1; ; b *= 2 {
		if n <= b*refBucketPages {
			return b
		}
	}
}

// refNumbers returns the page number of each of docs, which are in path
// order: the s-th page (from 0) of bucket k in that order is s·buckets + k.
func refNumbers(docs []Doc) []int {
	nb := refBuckets(len(docs))
	var out []int
	seen := make(map[int]int) // pages so far by bucket
	for _, d := range docs {
		k := refBucket(d.Path, nb)
		out = append(out, seen[k]*nb+k)
		seen[k]++
	}
	return out
}

// refBucket is the bucket of a path: its 32-bit FNV-1a hash modulo b.
func refBucket(path string, b int) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32() % uint32(b))
}
