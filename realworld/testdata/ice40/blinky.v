// LEDs of an iCE40-HX1K board (iCEstick, 12 MHz clock) dimmed by PWM from a xorshift generator:
// a small design with counters, carries, comparators and a shift network for place and route.
module top(input clk, output [4:0] led);
  reg [31:0] rng = 32'h2545f491;
  reg [19:0] tick = 0;
  reg [7:0] pwm = 0;
  reg [7:0] level [0:4];
  integer i;
  wire [31:0] x1 = rng ^ (rng << 13);
  wire [31:0] x2 = x1 ^ (x1 >> 17);
  wire [31:0] x3 = x2 ^ (x2 << 5);
  always @(posedge clk) begin
    pwm <= pwm + 1;
    tick <= tick + 1;
    if (tick == 0) begin
      rng <= x3;
      for (i = 0; i < 5; i = i + 1)
        level[i] <= rng[8*(i%4) +: 8] ^ {i[2:0], 5'b0};
    end
  end
  genvar g;
  generate for (g = 0; g < 5; g = g + 1) begin : led_pwm
    assign led[g] = pwm < level[g];
  end endgenerate
endmodule
