using System.Diagnostics;
using DenseLinear.Specification.Cases;
using DenseLinear.Specification.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DenseLinear.Specification;

// Family 9: determinism and batch invariance, which PyTorch and TensorFlow do not promise
// (pytorch/pytorch#136338, tensorflow/tensorflow#11610) and every built-in kernel here does.
public abstract partial class KernelSpecification<T>
{
    /// <summary>Repeated and concurrent calls give bitwise identical y.</summary>
    [SpecProperty]
    public virtual Property RepeatedAndConcurrentCallsAgree() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            T[] first = Run(c);
            T[][] concurrent = new T[4][];
            Parallel.For(0, concurrent.Length, i => concurrent[i] = Run(c));
            return EdgeClasses.Classified(
                Verdicts.All([
                    SameOrWithinBound("Repeated call", c, first, Run(c)),
                    .. concurrent.Select(y => SameOrWithinBound("Concurrent call", c, first, y))]),
                c);
        });

    /// <summary>
    /// The same product computed again much later gives the same bits: each case's result is kept, and
    /// <see cref="SpreadCases"/> cases later (other products in between, a pause after each) it is computed again on
    /// two new threads, each after a pause of its own. A kernel whose order follows a clock, the scheduler or a
    /// warm-up state fails here even when back-to-back calls agree.
    /// </summary>
    [SpecProperty]
    public virtual Property CallsSpreadOverTimeAndThreadsAgree()
    {
        var earlier = new Queue<(MatMulCase<T> Case, T[] Y, long Timestamp)>();
        return Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            var checks = new List<Property>();
            if (earlier.Count == SpreadCases)
            {
                (MatMulCase<T> old, T[] y, long timestamp) = earlier.Dequeue();
                var again = new T[2][];
                Thread[] threads = [.. Enumerable.Range(0, again.Length).Select(t => new Thread(() =>
                {
                    Thread.Sleep(1 + t);
                    again[t] = Run(old);
                }))];
                Array.ForEach(threads, thread => thread.Start());
                Array.ForEach(threads, thread => thread.Join());
                double milliseconds = Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
                checks.AddRange(again.Select(later =>
                    SameOrWithinBound($"Call {milliseconds:F0} ms and {SpreadCases} products later, on another thread", old, y, later)));
            }

            earlier.Enqueue((c, Run(c), Stopwatch.GetTimestamp()));
            Thread.Sleep(1);
            return EdgeClasses.Classified(Verdicts.All([.. checks]), c);
        });
    }

    /// <summary>Row i of a batched product equals the product of row i alone, and of any contiguous sub-batch.</summary>
    [SpecProperty]
    public virtual Property RowsDoNotDependOnTheBatch() =>
        Prop.ForAll(Generators.MatMulCases<T>(), c =>
        {
            T[] batched = Run(c);
            var checks = new List<Property>();
            for (int i = 0; i < c.M; i++)
            {
                T[] alone = Run(Rows(c, i, 1));
                checks.Add(SameOrWithinBound($"Batch invariance (row {i} alone)", c, batched.AsSpan(i * c.N, c.N).ToArray(), alone, i));
            }

            if (c.M > 2)
            {
                // The middle rows as a batch of their own: other m, other row offset.
                int start = 1, count = c.M - 2;
                checks.Add(SameOrWithinBound($"Batch invariance (rows {start}..{start + count - 1})", c, batched.AsSpan(start * c.N, count * c.N).ToArray(), Run(Rows(c, start, count)), start));
            }

            return EdgeClasses.Classified(Verdicts.All([.. checks]), c);
        });

    // How many cases later a result is computed again: with a pause of 1 ms per case and 1–2 ms per thread, tens of
    // milliseconds apart.
    private const int SpreadCases = 16;

    private static MatMulCase<T> Rows(MatMulCase<T> c, int start, int count) =>
        c with { M = count, X = c.X.AsSpan(start * c.K, count * c.K).ToArray() };

    // Bitwise when the kernel promises determinism; otherwise within twice the bound (both within one).
    private Property SameOrWithinBound(string property, MatMulCase<T> c, T[] expected, T[] actual, int firstRow = 0)
    {
        if (PromisesDeterminism)
        {
            return Verdicts.Identical(property, Subject, c.Shapes, expected, actual, c.N);
        }

        MatMulCase<T> rows = Rows(c, firstRow, expected.Length / Math.Max(c.N, 1));
        return Verdicts.WithinBound(property, Subject, rows.Shapes, rows.Reference(), actual, 2);
    }
}
