/// Sorts prescription spans by patient, drug and start in place — no second buffer, so the
/// peak memory of a large batch is the spans themselves — and joins spans that touch.
enum IntervalSorter {
    /// Sorts in place: quicksort with a median-of-three pivot, insertion sort for short runs,
    /// heapsort if the recursion grows too deep.
    static func sort(_ spans: inout [PrescriptionInterval]) {
        spans.withUnsafeMutableBufferPointer { buffer in
            guard buffer.count > 1 else { return }
            introsort(buffer, 0, buffer.count - 1, depth: 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount))
        }
    }

    /// Sorts spans whose patients are `0..<patientCount` into a second buffer by patient (a count
    /// and a scatter), then each patient's spans in place. Linear where the quicksort is not, but
    /// it holds the spans twice for a moment: for a spilled partition's spans (a 128th of a
    /// spill, where the quicksort was a third of replaying it), not a whole file's.
    static func sort(_ spans: inout [PrescriptionInterval], patientCount: Int) {
        guard spans.count > 1 else { return }
        var starts = [Int](repeating: 0, count: patientCount + 1)
        var sorted = spans
        spans.withUnsafeBufferPointer { spans in
            starts.withUnsafeMutableBufferPointer { starts in
                for span in spans {
                    // Checked: the buffers below are written without bounds checks.
                    precondition(span.patient >= 0 && Int(span.patient) < patientCount, "a span of a patient out of range")
                    starts[Int(span.patient) + 1] += 1
                }
                for patient in 0..<patientCount { starts[patient + 1] += starts[patient] }
            }
            var next = starts
            sorted.withUnsafeMutableBufferPointer { sorted in
                next.withUnsafeMutableBufferPointer { next in
                    for span in spans {
                        sorted[next[Int(span.patient)]] = span
                        next[Int(span.patient)] += 1
                    }
                }
                for patient in 0..<patientCount where starts[patient + 1] - starts[patient] > 1 {
                    let (low, high) = (starts[patient], starts[patient + 1] - 1)
                    if high - low <= 16 {
                        insertionSort(sorted, low, high)
                    } else {
                        introsort(sorted, low, high, depth: 2 * (Int.bitWidth - (high - low + 1).leadingZeroBitCount))
                    }
                }
            }
        }
        spans = sorted
    }

    /// Merges neighbouring spans of the same patient and drug that overlap or touch; `spans` must be sorted.
    static func coalesce(_ spans: inout [PrescriptionInterval]) {
        guard spans.count > 1 else { return }
        var kept = 0
        for index in 1..<spans.count {
            let next = spans[index]
            let last = spans[kept]
            if next.patient == last.patient, next.drug == last.drug,
               last.stop == .max || next.start <= last.stop + 1 {
                spans[kept].stop = max(last.stop, next.stop)
            } else {
                kept += 1
                spans[kept] = next
            }
        }
        spans.removeLast(spans.count - kept - 1)
    }

    @inline(__always)
    static func precedes(_ a: PrescriptionInterval, _ b: PrescriptionInterval) -> Bool {
        if a.patient != b.patient { return a.patient < b.patient }
        if a.drug != b.drug { return a.drug < b.drug }
        return a.start < b.start
    }

    private static func introsort(_ items: UnsafeMutableBufferPointer<PrescriptionInterval>, _ low: Int, _ high: Int, depth: Int) {
        var low = low
        var high = high
        var depth = depth
        while high - low > 16 {
            if depth == 0 {
                heapsort(items, low, high)
                return
            }
            depth -= 1
            let middle = low + (high - low) / 2
            if precedes(items[middle], items[low]) { items.swapAt(middle, low) }
            if precedes(items[high], items[low]) { items.swapAt(high, low) }
            if precedes(items[high], items[middle]) { items.swapAt(high, middle) }
            let pivot = items[middle]
            var i = low
            var j = high
            while i <= j {
                while precedes(items[i], pivot) { i += 1 }
                while precedes(pivot, items[j]) { j -= 1 }
                if i <= j {
                    items.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if j - low < high - i {
                introsort(items, low, j, depth: depth)
                low = i
            } else {
                introsort(items, i, high, depth: depth)
                high = j
            }
        }
        insertionSort(items, low, high)
    }

    private static func insertionSort(_ items: UnsafeMutableBufferPointer<PrescriptionInterval>, _ low: Int, _ high: Int) {
        guard high > low else { return }
        for index in (low + 1)...high {
            let item = items[index]
            var position = index
            while position > low, precedes(item, items[position - 1]) {
                items[position] = items[position - 1]
                position -= 1
            }
            items[position] = item
        }
    }

    private static func heapsort(_ items: UnsafeMutableBufferPointer<PrescriptionInterval>, _ low: Int, _ high: Int) {
        let count = high - low + 1
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end, precedes(items[low + child], items[low + child + 1]) { child += 1 }
                guard precedes(items[low + root], items[low + child]) else { return }
                items.swapAt(low + root, low + child)
                root = child
            }
        }
        for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start, count) }
        for end in stride(from: count - 1, to: 0, by: -1) {
            items.swapAt(low, low + end)
            siftDown(0, end)
        }
    }
}
