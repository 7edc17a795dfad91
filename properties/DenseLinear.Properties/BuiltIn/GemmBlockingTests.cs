using DenseLinear.Kernels;
using Xunit;

namespace DenseLinear.Properties.BuiltIn;

/// <summary>
/// <see cref="GemmBlocking{T}"/>'s rules on the caches of the CPUs the suite runs on, its override and its checks;
/// <see cref="CacheHierarchy"/>'s readers.
/// </summary>
public sealed class GemmBlockingTests
{
    private static readonly CacheHierarchy ZenFive = new(48 << 10, 1 << 20, 32 << 20, "test");
    private static readonly CacheHierarchy ZenFour = new(32 << 10, 1 << 20, 32 << 20, "test");
    private static readonly CacheHierarchy ZenThree = new(32 << 10, 512 << 10, 32 << 20, "test");
    private static readonly CacheHierarchy EmeraldRapids = new(48 << 10, 2 << 20, 160L << 20, "test");

    [Fact]
    public void Zen_four_and_five_caches_give_the_blocks_the_kernels_were_tuned_with()
    {
        foreach (CacheHierarchy caches in (CacheHierarchy[])[ZenFive, ZenFour])
        {
            GemmBlocking<float> single = GemmBlocking<float>.ForCaches(caches);
            GemmBlocking<double> @double = GemmBlocking<double>.ForCaches(caches);
            Assert.Equal((1024, 72 / single.MR * single.MR, 768, 16L << 20, 512L << 10, 512L << 10), (single.KC, single.MC, single.NC, single.SplitBytes, single.StreamBytes, single.InPlaceBytes));
            Assert.Equal((1024, 36 / @double.MR * @double.MR, 384), (@double.KC, @double.MC, @double.NC));
        }
    }

    [Fact]
    public void A_larger_L2_and_L3_give_taller_x_blocks_and_wider_weight_blocks_within_three_and_sixteen_L2()
    {
        GemmBlocking<float> blocking = GemmBlocking<float>.ForCaches(EmeraldRapids);
        Assert.Equal((1024, 144 / blocking.MR * blocking.MR, 1536, 32L << 20), (blocking.KC, blocking.MC, blocking.NC, blocking.SplitBytes));
    }

    [Fact]
    public void An_L3_reported_for_a_whole_socket_is_capped_by_L2()
    {
        GemmBlocking<float> blocking = GemmBlocking<float>.ForCaches(new CacheHierarchy(48 << 10, 1 << 20, 1016L << 19, "test"));
        Assert.Equal((768, 16L << 20), (blocking.NC, blocking.SplitBytes));
    }

    [Fact]
    public void A_half_megabyte_L2_keeps_the_long_k_blocks_and_halves_the_x_block_and_no_L3_keeps_weights_to_three_L2()
    {
        GemmBlocking<float> blocking = GemmBlocking<float>.ForCaches(ZenThree);
        Assert.Equal((1024, 36 / blocking.MR * blocking.MR), (blocking.KC, blocking.MC));
        GemmBlocking<float> small = GemmBlocking<float>.ForCaches(new CacheHierarchy(32 << 10, 256 << 10, 0, "test"));
        Assert.Equal((512, 384, 256L << 10), (small.KC, small.NC, small.SplitBytes));
    }

    [Fact]
    public void Blocks_are_whole_tiles_and_panels_and_at_least_one()
    {
        GemmBlocking<double> tiny = GemmBlocking<double>.ForCaches(new CacheHierarchy(1 << 10, 1 << 10, 1 << 10, "test"));
        Assert.Equal((256, tiny.MR, tiny.NR), (tiny.KC, tiny.MC, tiny.NC));
    }

    [Fact]
    public void The_override_sets_each_named_size_and_says_so()
    {
        GemmBlocking<float> machine = GemmBlocking<float>.ForCaches(ZenFive);
        GemmBlocking<float> set = machine.Overridden($"kc=100, mc={2 * machine.MR},nc={3 * machine.NR},split=4096,work=7,inplace=0");
        Assert.Equal((100, 2 * machine.MR, 3 * machine.NR, 4096L, 7L, 0L), (set.KC, set.MC, set.NC, set.SplitBytes, set.ParallelWork, set.InPlaceBytes));
        Assert.Equal(0L, set.WithBlocks(64, machine.MR, machine.NR, 1, 1).InPlaceBytes);
        Assert.Contains("overridden by DENSELINEAR_BLOCKING=kc=100", set.ToString(), StringComparison.Ordinal);
        Assert.Same(machine, machine.Overridden("  "));
    }

    [Theory]
    [InlineData("kc", "'kc' is not name=value")]
    [InlineData("kc=-1", "'kc=-1' is not name=value")]
    [InlineData("kc=99999999999", "'kc=99999999999' is not name=value")]
    [InlineData("lanes=4", "unknown name 'lanes'")]
    [InlineData("kc=0", "kc")]
    [InlineData("mc=13", "MC must be a positive multiple of MR")]
    [InlineData("nc=33", "NC must be a positive multiple of NR")]
    [InlineData("kc=2147483647", "exceeds 67108864 elements")]
    public void A_malformed_override_is_refused_by_name(string setting, string message)
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => GemmBlocking<float>.ForCaches(ZenFive).Overridden(setting));
        Assert.Contains("DENSELINEAR_BLOCKING", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sysfs_cache_directories_are_read_by_level_and_type()
    {
        string root = Directory.CreateTempSubdirectory("denselinear-cache-").FullName;
        try
        {
            Write(root, "index0", "1", "Data", "48K");
            Write(root, "index1", "1", "Instruction", "32K");
            Write(root, "index2", "2", "Unified", "1024K");
            Write(root, "index3", "3", "Unified", "32768K");
            Assert.Equal(new CacheHierarchy(48 << 10, 1 << 20, 32 << 20, "sysfs"), CacheHierarchy.TryReadSysfs(root));
            Assert.Equal("L1d 48 KiB, L2 1 MiB, L3 32 MiB (sysfs)", CacheHierarchy.TryReadSysfs(root)!.ToString());
            Directory.Delete(Path.Combine(root, "index2"), recursive: true);
            Assert.Null(CacheHierarchy.TryReadSysfs(root));
            Assert.Null(CacheHierarchy.TryReadSysfs(Path.Combine(root, "missing")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("48K", 48L << 10)]
    [InlineData("2M", 2L << 20)]
    [InlineData("1G", 1L << 30)]
    [InlineData("512", 512L)]
    [InlineData("", 0L)]
    [InlineData("K", 0L)]
    [InlineData("-4K", 0L)]
    [InlineData("99999999999999999999K", 0L)]
    public void Sysfs_sizes_parse_or_give_zero(string text, long bytes) => Assert.Equal(bytes, CacheHierarchy.ParseSize(text));

    [Fact]
    public void The_machine_blocking_names_its_tile_blocks_and_source()
    {
        string text = GemmBlocking<float>.Machine.ToString();
        Assert.Matches(@"^(Vector512|Vector256|Scalar) tile \d+×32, KC \d+, MC \d+, NC \d+, two threads from \d+ multiply-adds, split by rows up to \d+ KiB of weights, x in place up to \d+ KiB; from L1d ", text);
    }

    private static void Write(string root, string index, string level, string type, string size)
    {
        string directory = Directory.CreateDirectory(Path.Combine(root, index)).FullName;
        File.WriteAllText(Path.Combine(directory, "level"), level + "\n");
        File.WriteAllText(Path.Combine(directory, "type"), type + "\n");
        File.WriteAllText(Path.Combine(directory, "size"), size + "\n");
    }
}
