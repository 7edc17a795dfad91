using DenseLinear.Properties.Harness;
using Xunit;

namespace DenseLinear.Properties.Mutants;

/// <summary>Every fidelity family, shown able to fail: each rejects a deliberately broken implementation, for the right reason.</summary>
public sealed class FidelityMutantsAreRejected
{
    private static BrokenFidelitySpecification<float> On(FidelityDefect defect) => new(defect);

    [Fact]
    public void Fans_family_rejects_swapped_fan_in_and_fan_out() =>
        Rejection.Fact(On(FidelityDefect.SwappedFans).InitializerFansComeFromTheLayoutsAxes, "Initializer fans");

    [Fact]
    public void Bound_family_rejects_swapped_fans_that_widen_the_bound() =>
        Rejection.Property(On(FidelityDefect.SwappedFans).InitializedValuesStayInsideTheirBounds(), "Initializer bound");

    [Fact]
    public void Distribution_family_rejects_a_bound_of_one_over_in() =>
        Rejection.Fact(On(FidelityDefect.WrongBound).InitializedValuesFollowTheirDistribution, "Initializer distribution");

    [Fact]
    public void Activation_formulas_reject_sigmoid_via_tanh_without_halving() =>
        Rejection.Property(On(FidelityDefect.SigmoidViaTanh).ActivationsMatchTheDoublePrecisionFormula(), "Activation Sigmoid");

    [Fact]
    public void Activation_formulas_reject_a_softmax_that_overflows() =>
        Rejection.Property(On(FidelityDefect.UnshiftedSoftmax).ActivationsMatchTheDoublePrecisionFormula(), "Activation Softmax");

    [Fact]
    public void Softmax_row_sums_reject_a_softmax_that_overflows() =>
        Rejection.Property(On(FidelityDefect.UnshiftedSoftmax).SoftmaxRowsSumToOne(), "Softmax row sum");

    [Fact]
    public void Softmax_shift_invariance_rejects_a_softmax_that_overflows() =>
        Rejection.Property(On(FidelityDefect.UnshiftedSoftmax).SoftmaxIsInvariantToAddingAConstantToTheRow(), "Softmax shift");

    [Fact]
    public void Gradients_reject_a_weight_gradient_reshaped_instead_of_transposed() =>
        Rejection.Property(On(FidelityDefect.WrongTransposeBackward).PyTorchWeightGradientIsTheTransposeOfTheKerasKernelGradient(), "Gradients: PyTorch dW");

    [Fact]
    public void Gradcheck_rejects_a_weight_gradient_reshaped_instead_of_transposed() =>
        Rejection.Property(On(FidelityDefect.WrongTransposeBackward).GradientsMatchCentralDifferences(), "Gradcheck");

    [Fact]
    public void Nd_gradients_reject_a_bias_gradient_that_drops_a_leading_dimension() =>
        Rejection.Property(On(FidelityDefect.DroppedLeadingDimension).GradientsReduceOverEveryLeadingDimension(), "Gradients N-D");

    [Fact]
    public void Composition_rejects_the_wrong_product_order() =>
        Rejection.Property(On(FidelityDefect.WrongCompositionOrder).TwoPyTorchLayersEqualTheComposedLayer(), "Composition (PyTorch)");

}
