using DenseLinear.Properties.Harness;
using DenseLinear.Specification.Support;
using Xunit;

namespace DenseLinear.Properties.Mutants;

/// <summary>Every property family, shown able to fail: each rejects at least one deliberately broken implementation.</summary>
public sealed class MutantsAreRejected
{
    private static MutantKernelSpecification<float> On(IMatMulKernel<float> kernel) => new(kernel);

    [Fact]
    public void Agreement_rejects_accumulation_in_half() =>
        Rejection.Property(On(new HalfAccumulatorKernel<float>()).AgreesWithExactReference(), "Agreement");

    [Fact]
    public void Agreement_in_the_underflow_range_rejects_flush_to_zero() =>
        Rejection.Property(On(new FlushToZeroKernel<float>()).AgreesWithExactReferenceInTheUnderflowRange(), "Agreement (underflow)");

    [Fact]
    public void Agreement_in_the_underflow_range_rejects_flush_to_zero_in_double() =>
        Rejection.Property(new MutantKernelSpecification<double>(new FlushToZeroKernel<double>()).AgreesWithExactReferenceInTheUnderflowRange(), "Agreement (underflow)");

    [Fact]
    public void Special_operands_reject_flushing_subnormal_inputs_to_zero() =>
        Rejection.Property(On(new FlushInputsToZeroKernel<float>()).AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands(), "Special operands (Subnormal");

    [Fact]
    public void Special_operands_reject_flushing_subnormal_inputs_to_zero_in_double() =>
        Rejection.Property(new MutantKernelSpecification<double>(new FlushInputsToZeroKernel<double>()).AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands(), "Special operands (Subnormal");

    [Fact]
    public void Special_operands_reject_flushing_subnormal_outputs_to_zero() =>
        Rejection.Property(On(new FlushOutputsToZeroKernel<float>()).AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands(), "Special operands (Subnormal");

    [Fact]
    public void Special_operands_reject_flushing_subnormal_outputs_to_zero_in_double() =>
        Rejection.Property(new MutantKernelSpecification<double>(new FlushOutputsToZeroKernel<double>()).AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands(), "Special operands (Subnormal");

    [Fact]
    public void Special_operands_reject_accumulation_in_half() =>
        Rejection.Property(On(new HalfAccumulatorKernel<float>()).AgreesWithExactReferenceOnSubnormalsZerosAndLargeOperands(), "Special operands");

    [Fact]
    public void Transpose_identity_rejects_a_forgotten_transpose() =>
        Rejection.Property(On(new ForgottenTransposeKernel<float>()).OutInAgreesWithInOutOnTheTranspose(), "Transpose identity");

    [Fact]
    public void One_hot_identity_rejects_a_skipped_tail() =>
        Rejection.Property(On(new SkippedTailKernel<float>()).OneHotRowsPickOutRowsOfTheKernel(), "One-hot rows");

    [Fact]
    public void Identity_weight_rejects_a_skipped_tail() =>
        Rejection.Property(On(new SkippedTailKernel<float>()).IdentityWeightReturnsX(), "Identity weight");

    [Fact]
    public void Scaling_identity_rejects_accumulation_in_half() =>
        Rejection.Property(On(new HalfAccumulatorKernel<float>()).PowerOfTwoScalingIsExact(), "Scaling");

    [Fact]
    public void Negation_identity_rejects_a_shuffled_order() =>
        Rejection.Property(On(new ShuffledOrderKernel<float>()).NegatingXNegatesY(), "Negation");

    [Fact]
    public void Zero_identities_reject_a_kernel_that_leaves_y_unwritten_when_k_is_zero() =>
        Rejection.Property(On(new EmptySumUnwrittenKernel<float>()).ZeroInputAndEmptySumGiveZero(), "did not write y[");

    [Fact]
    public void Additivity_rejects_accumulation_in_half() =>
        Rejection.Property(On(new HalfAccumulatorKernel<float>()).IsAdditive(), "Additivity");

    [Fact]
    public void Homogeneity_rejects_accumulation_in_half() =>
        Rejection.Property(On(new HalfAccumulatorKernel<float>()).IsHomogeneous(), "Homogeneity");

    [Fact]
    public void Shape_sweep_rejects_a_skipped_tail() =>
        Rejection.Fact(On(new SkippedTailKernel<float>()).EverySmallShapeAgrees, "Shape sweep");

    [Fact]
    public void Cache_block_shapes_reject_a_dropped_block_remainder() =>
        Rejection.Fact(On(new DroppedBlockRemainderKernel<float>()).ShapesAcrossCacheBlocksAgree, "Cache-block shapes");

    [Fact]
    public void Cache_block_shapes_reject_a_chain_restarted_past_1024_in_k() =>
        Rejection.Fact(On(new RestartedChainKernel<float>()).ShapesAcrossCacheBlocksAgree, "Cache-block shapes");

    [Fact]
    public void Cache_block_shapes_reject_a_column_shift_past_the_first_768_columns() =>
        Rejection.Fact(On(new ShiftedColumnBlockKernel<float>()).ShapesAcrossCacheBlocksAgree, "Cache-block shapes");

    [Fact]
    public void Freivalds_rejects_a_chain_restarted_past_1024_in_k() =>
        Rejection.Fact(On(new RestartedChainKernel<float>()).LargeProductsPassFreivaldsCheck, "Freivalds");

    [Fact]
    public void Freivalds_rejects_a_chain_restarted_past_1024_in_k_in_double() =>
        Rejection.Fact(new MutantKernelSpecification<double>(new RestartedChainKernel<double>()).LargeProductsPassFreivaldsCheck, "Freivalds");

    [Fact]
    public void Freivalds_rejects_a_column_shift_past_the_first_768_columns() =>
        Rejection.Fact(On(new ShiftedColumnBlockKernel<float>()).LargeProductsPassFreivaldsCheck, "Freivalds");

    [Fact]
    public void Freivalds_rejects_accumulation_in_half() =>
        Rejection.Fact(On(new HalfAccumulatorKernel<float>()).LargeProductsPassFreivaldsCheck, "Freivalds");

    [Fact]
    public void Small_shapes_alone_miss_a_dropped_block_remainder() =>
        On(new DroppedBlockRemainderKernel<float>()).EverySmallShapeAgrees();

    [Fact]
    public void Argument_checks_reject_an_unchecked_kernel() =>
        Rejection.Property(On(new UncheckedKernel<float>()).RejectsBadArgumentsAndLeavesOutputUntouched(), "Argument checks");

    [Fact]
    public void Memory_safety_rejects_a_write_past_the_end() =>
        Rejection.Property(On(new OutOfBoundsWriteKernel<float>()).WritesOnlyItsOutputAndLeavesInputsUnchanged(), "outside y[0,");

    [Fact]
    public void Memory_safety_rejects_a_kernel_that_changes_its_input() =>
        Rejection.Property(On(new InputScribblingKernel<float>()).WritesOnlyItsOutputAndLeavesInputsUnchanged(), "changed x[");

    [Fact]
    public void Special_values_reject_nan_treated_as_zero() =>
        Rejection.Property(On(new NaNAsZeroKernel<float>()).PropagatesNaNAndInfinityByIeeeRules(), "Special values");

    [Fact]
    public void Determinism_over_time_rejects_an_order_that_follows_the_clock() =>
        Rejection.Property(On(new ClockOrderKernel<float>()).CallsSpreadOverTimeAndThreadsAgree(), "products later, on another thread");

    [Fact]
    public void Determinism_rejects_a_shuffled_order() =>
        Rejection.Property(On(new ShuffledOrderKernel<float>()).RepeatedAndConcurrentCallsAgree(), "call");

    [Fact]
    public void Batch_invariance_rejects_a_batch_dependent_order() =>
        Rejection.Property(On(new BatchDependentKernel<float>()).RowsDoNotDependOnTheBatch(), "Batch invariance");

    [Fact]
    public void Convention_equivalence_rejects_an_untransposed_keras_kernel() =>
        Rejection.Property(new BrokenLayerSpecification<float>(LayerDefect.KerasKernelNotTransposed).PyTorchAndKerasLayersComputeTheSameMap(), "Convention equivalence");

    [Fact]
    public void Round_trip_rejects_a_reshape_passed_off_as_a_transpose() =>
        Rejection.Property(new BrokenLayerSpecification<float>(LayerDefect.ConversionReshapesInsteadOfTransposing).ConversionRoundTripsAreBitwise(), "Round trip");

    [Fact]
    public void Bias_family_rejects_bias_on_the_first_row_only() =>
        Rejection.Property(new BrokenLayerSpecification<float>(LayerDefect.BiasOnFirstRowOnly).ZeroInputGivesTheBiasInEveryRow(), "f(0) = b");

    [Fact]
    public void Nd_family_rejects_an_output_left_flat() =>
        Rejection.Property(new BrokenLayerSpecification<float>(LayerDefect.NdOutputLeftFlat).NdInputEqualsItsFlattenedForm(), "N-D output shape");

    [Fact]
    public void Nd_family_rejects_a_keras_layer_that_takes_rank_one_input() =>
        Rejection.Property(new BrokenLayerSpecification<float>(LayerDefect.KerasKernelNotTransposed).KerasRejectsOneDimensionalInput(), "Keras rank-1 input");

    [Fact]
    public void Shape_errors_reject_an_unchecked_bias_length() =>
        Rejection.Property(new BrokenLayerSpecification<float>(LayerDefect.BiasLengthUnchecked).ShapeMismatchesAreRejectedAndWriteNothing(), "bias of the wrong length");

    [Fact]
    public void Packed_weights_reject_a_packed_path_that_sums_differently() =>
        Rejection.Property(On(new InconsistentPackingKernel<float>()).PackedWeightsGiveTheUnpackedProduct(), "Packed weights");

    [Fact]
    public void Packed_argument_checks_reject_a_packed_call_that_returns_quietly() =>
        Rejection.Property(On(new SilentPackedCallKernel<float>()).PackedCallsRejectBadArguments(), "Packed argument checks");

    [Fact]
    public void Split_shapes_reject_a_dropped_block_remainder() =>
        Rejection.Fact(On(new DroppedBlockRemainderKernel<float>()).ProductsLargeEnoughToSplitAgree, "Split shapes");

    [Fact]
    public void Instruction_set_digests_reject_a_kernel_whose_bits_follow_the_vector_width()
    {
        // Recorded where the "vector" is 8 lanes wide, checked where it is 16: what a lane-summing kernel does when
        // the same tests run on an AVX2 machine and then on an AVX-512 one.
        string file = Path.Combine(Path.GetTempPath(), $"denselinear-digests-{Guid.NewGuid():N}.txt");
        try
        {
            var narrow = new LaneWidthKernel<float>(8);
            OutputDigests.Record(
                file,
                from layout in new[] { WeightLayout.InOut, WeightLayout.OutIn }
                from route in new[] { DigestRoute.Multiply, DigestRoute.Layer }
                select new KeyValuePair<string, string>(OutputDigests.Key(narrow, layout, route), OutputDigests.Compute(narrow, layout, route)!));
            new DigestMutantSpecification<float>(narrow, file).OutputsMatchTheRecordedDigests();
            Rejection.Fact(new DigestMutantSpecification<float>(new LaneWidthKernel<float>(16), file).OutputsMatchTheRecordedDigests, "Instruction sets");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
