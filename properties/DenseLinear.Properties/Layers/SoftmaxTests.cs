using DenseLinear.Accuracy;
using DenseLinear.Layers;
using Xunit;

namespace DenseLinear.Properties.Layers;

/// <summary>
/// Softmax at the edges Keras meets: logits far beyond exp's range (the row maximum is subtracted, so nothing
/// overflows), rows whose spread underflows, −∞ as a mask, ±∞ rows that have no softmax (NaN, as TensorFlow gives),
/// rows normalized one at a time, rows longer than a thread's stack holds, and the row length that must divide the span.
/// </summary>
public sealed class SoftmaxTests
{
    [Fact]
    public void Logits_beyond_exp_s_range_are_shifted_by_the_row_maximum()
    {
        // e^1000 overflows a double; after the shift the rows are (e⁰, e⁰) and (e⁰, e⁻¹).
        double[] values = [1000, 1000, -1000, -1001];
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), 2);
        Assert.Equal(0.5, values[0]);
        Assert.Equal(0.5, values[1]);
        double first = 1 / (1 + Math.Exp(-1)), second = Math.Exp(-1) / (1 + Math.Exp(-1));
        Assert.InRange(Math.Abs(values[2] - first), 0, ErrorBound.Softmax<double>(2, 1, first));
        Assert.InRange(Math.Abs(values[3] - second), 0, ErrorBound.Softmax<double>(2, 1, second));
    }

    [Fact]
    public void A_spread_past_exp_s_range_gives_one_and_an_underflowed_zero()
    {
        // The shift is by the maximum: the largest logit is e⁰ = 1 and the other e⁻²⁰⁰⁰ = 0, whichever comes first.
        float[] values = [1000, -1000, -1000, 1000];
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), 2);
        Assert.Equal([1f, 0f, 0f, 1f], values);
    }

    [Fact]
    public void Minus_infinity_masks_a_logit_out()
    {
        float[] values = [float.NegativeInfinity, 0, float.NegativeInfinity, 0];
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), 4);
        Assert.Equal([0f, 0.5f, 0f, 0.5f], values);
    }

    [Fact]
    public void Rows_with_infinite_maxima_have_no_softmax_and_become_NaN()
    {
        // All −∞: e^(−∞ − (−∞)) is NaN. A +∞ logit: e^(∞ − ∞) is NaN and so is the sum. TensorFlow gives NaN for both.
        double[] values = [double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, 0, 1, 2];
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), 2);
        Assert.All(values.AsSpan(0, 4).ToArray(), v => Assert.True(double.IsNaN(v)));

        // Rows are independent: the last row is untouched by the NaN ones.
        double e = Math.Exp(-1);
        Assert.InRange(Math.Abs(values[4] - (e / (1 + e))), 0, ErrorBound.Softmax<double>(2, 1, e / (1 + e)));
    }

    [Fact]
    public void Each_row_is_normalized_on_its_own()
    {
        // Rows (0, 0), (1, 0) and (5, 5): the whole span as one row would give other values.
        float[] values = [0, 0, 1, 0, 5, 5];
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), 2);
        double e = Math.Exp(-1);
        double[] expected = [0.5, 0.5, 1 / (1 + e), e / (1 + e), 0.5, 0.5];
        for (int i = 0; i < values.Length; i++)
        {
            double spread = i is 2 or 3 ? 1 : 0;
            Assert.InRange(Math.Abs(values[i] - expected[i]), 0, ErrorBound.Softmax<float>(2, spread, expected[i]));
        }
    }

    [Fact]
    public void The_single_span_overload_is_one_row()
    {
        float[] values = [0, 0, 0, 0];
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan());
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], values);
    }

    [Fact]
    public void An_empty_span_is_zero_rows_of_any_length()
    {
        ActivationFunctions.Apply(Activation.Softmax, Span<float>.Empty, 0);
        ActivationFunctions.Apply(Activation.Softmax, Span<float>.Empty, 3);
        ActivationFunctions.Apply(Activation.Softmax, Span<float>.Empty);
    }

    [Fact]
    public void A_row_longer_than_a_thread_s_stack_holds_is_normalized()
    {
        // 2²¹ logits (a vocabulary-sized row; its double exponentials take 16 MiB, more than a thread's stack):
        // equal logits give 2⁻²¹ each, exactly. Two rows, so each is normalized on its own.
        const int RowLength = 1 << 21;
        float[] values = new float[2 * RowLength];
        values.AsSpan(RowLength).Fill(-3);
        ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), RowLength);
        float share = MathF.ScaleB(1, -21);
        Assert.True(Array.TrueForAll(values, v => v == share), "every value should be 2^-21");
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(3, 0)]
    [InlineData(0, -1)]
    [InlineData(4, -2)]
    public void A_row_length_that_does_not_divide_the_span_is_refused_and_the_values_kept(int length, int rowLength)
    {
        float[] values = [.. Enumerable.Range(1, length).Select(i => (float)i)];
        float[] before = (float[])values.Clone();
        ArgumentException e = Assert.Throws<ArgumentException>(() => ActivationFunctions.Apply(Activation.Softmax, values.AsSpan(), rowLength));
        Assert.Equal("rowLength", e.ParamName);
        Assert.StartsWith($"A span of {length} elements is not made of rows of {rowLength}.", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, values);
    }
}
