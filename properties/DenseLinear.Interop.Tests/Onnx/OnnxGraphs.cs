using Google.Protobuf;
using Onnx;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>
/// Tiny ONNX models (opset 13) built as protobuf messages, with the weight and bias as graph inputs so one session
/// serves every shape. Dimensions are symbolic; ORT checks them when it runs.
/// </summary>
public static class OnnxGraphs
{
    private const long OpsetVersion = 13;

    /// <summary>
    /// <c>Y = Gemm(X [m, k], W, B [n], transB)</c>: what <c>torch.onnx.export</c> emits for <c>nn.Linear</c> with
    /// transB = 1 and W [n, k]. With transB = 0 Gemm expects W [k, n]. Without <paramref name="bias"/> there is no
    /// input B (Gemm's C is optional).
    /// </summary>
    public static byte[] Gemm(TensorProto.Types.DataType elementType, bool transB, bool bias = true)
    {
        var node = new NodeProto { OpType = "Gemm", Name = "linear" };
        node.Input.Add(bias ? ["X", "W", "B"] : ["X", "W"]);
        node.Output.Add("Y");
        node.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = transB ? 1 : 0 });
        var graph = new GraphProto { Name = transB ? "gemm_transB" : "gemm" };
        graph.Node.Add(node);
        graph.Input.Add([Value("X", elementType, "m", "k"), Value("W", elementType, transB ? ["n", "k"] : ["k", "n"])]);
        if (bias)
        {
            graph.Input.Add(Value("B", elementType, "n"));
        }

        graph.Output.Add(Value("Y", elementType, "m", "n"));
        return Model(graph);
    }

    /// <summary>
    /// <c>Y = Add(MatMul(X [d₀, …, k], K [k, n]), B [n])</c>: what tf2onnx emits for a Keras <c>Dense</c>, with
    /// numpy-style batching over the leading dimensions of X.
    /// </summary>
    public static byte[] MatMulAdd(TensorProto.Types.DataType elementType, int inputRank)
    {
        var matMul = new NodeProto { OpType = "MatMul", Name = "dense_matmul" };
        matMul.Input.Add(["X", "K"]);
        matMul.Output.Add("XK");
        var add = new NodeProto { OpType = "Add", Name = "dense_bias" };
        add.Input.Add(["XK", "B"]);
        add.Output.Add("Y");
        string[] batch = [.. Enumerable.Range(0, inputRank - 1).Select(axis => $"d{axis}")];
        var graph = new GraphProto { Name = $"dense_rank{inputRank}" };
        graph.Node.Add([matMul, add]);
        graph.Input.Add([Value("X", elementType, [.. batch, "k"]), Value("K", elementType, "k", "n"), Value("B", elementType, "n")]);
        graph.Output.Add(Value("Y", elementType, [.. batch, "n"]));
        return Model(graph);
    }

    private static byte[] Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "DenseLinear.Interop.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType elementType, params string[] dimensions)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(dimensions.Select(dimension => new TensorShapeProto.Types.Dimension { DimParam = dimension }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }
}
